import { mulberry32, normalGenerator, symbolSeed } from "./prng";

/** Day 0 of every sample path. Paths run forward from here, so a date's candle never depends on the end date. */
export const SAMPLE_ORIGIN = "1970-01-01";
export const DAY_MS = 86_400_000;

/**
 * The parameters of the sample price process. Per-symbol values (initial price, base volatility, base
 * volume) are drawn from the symbol's own stream; the rest is fixed and documented in the README.
 */
export const SAMPLE_PROCESS = {
  /** Mean daily log return (about 2.5 % a year). */
  drift: 0.0001,
  /** AR(1) coefficient of daily log returns: the signal a model can learn. */
  phi: 0.12,
  /** Daily pull of the log price back toward its trend `ln(initial) + drift * t` (half-life about 4 years). */
  reversion: 0.0005,
  /** GARCH(1,1) weight of the last squared shock. */
  garchAlpha: 0.05,
  /** GARCH(1,1) weight of the last variance. */
  garchBeta: 0.93,
  /** Conditional volatility is kept within [min, max] x the base volatility. */
  volFloor: 0.25,
  volCap: 5,
  /** Base daily volatility is uniform in [min, max). */
  baseVolMin: 0.008,
  baseVolMax: 0.02,
  /** Initial close is uniform in [min, max). */
  initialPriceMin: 20,
  initialPriceMax: 500,
  /** Base volume is uniform in [min, max). */
  baseVolumeMin: 100_000,
  baseVolumeMax: 5_000_000,
  /** Overnight gap std as a fraction of the day's volatility. */
  gapScale: 0.25,
  /** High/low excursion std beyond max/min(open, close), as a fraction of the day's volatility. */
  rangeScale: 0.5,
  /** Log-volume noise std. */
  volumeNoise: 0.25,
} as const;

/** A generated path as columns; index i is day `SAMPLE_ORIGIN + i`. */
export interface SamplePath {
  readonly length: number;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/**
 * Generates the first `length` days of the sample path of `symbol` (already normalized) for `seed`.
 * Day i of a longer path equals day i of a shorter one (prefix stability).
 *
 * @example
 * ```ts
 * const path = generateSamplePath("AAPL", 42, 1000);
 * path.close[999];
 * ```
 */
export function generateSamplePath(symbol: string, seed: number, length: number): SamplePath {
  const p = SAMPLE_PROCESS;
  const uniform = mulberry32(symbolSeed(symbol, seed));
  const normal = normalGenerator(uniform);
  const baseVol = p.baseVolMin + (p.baseVolMax - p.baseVolMin) * uniform();
  const initial = p.initialPriceMin + (p.initialPriceMax - p.initialPriceMin) * uniform();
  const baseVolume = p.baseVolumeMin + (p.baseVolumeMax - p.baseVolumeMin) * uniform();
  const baseVar = baseVol * baseVol;
  const omega = baseVar * (1 - p.garchAlpha - p.garchBeta);
  const minVar = (p.volFloor * baseVol) ** 2;
  const maxVar = (p.volCap * baseVol) ** 2;

  const open = new Float64Array(length);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const volume = new Float64Array(length);

  const logInitial = Math.log(initial);
  let prevClose = initial;
  let prevLogClose = logInitial;
  let prevReturn: number = p.drift;
  let prevShock2 = baseVar;
  let prevVar = baseVar;
  for (let i = 0; i < length; i++) {
    const variance = Math.min(
      maxVar,
      Math.max(minVar, omega + p.garchAlpha * prevShock2 + p.garchBeta * prevVar),
    );
    const sigma = Math.sqrt(variance);
    const shock = sigma * normal();
    const deviation = prevLogClose - (logInitial + p.drift * i);
    const r = p.drift + p.phi * (prevReturn - p.drift) - p.reversion * deviation + shock;
    const o = prevClose * Math.exp(p.gapScale * sigma * normal());
    const c = prevClose * Math.exp(r);
    high[i] = Math.max(o, c) * Math.exp(p.rangeScale * sigma * Math.abs(normal()));
    low[i] = Math.min(o, c) * Math.exp(-p.rangeScale * sigma * Math.abs(normal()));
    volume[i] = Math.round(baseVolume * (sigma / baseVol) * Math.exp(p.volumeNoise * normal()));
    open[i] = o;
    close[i] = c;
    prevClose = c;
    prevLogClose += r;
    prevReturn = r;
    prevShock2 = shock * shock;
    prevVar = variance;
  }
  return { length, open, high, low, close, volume };
}
