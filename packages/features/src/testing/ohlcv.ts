import fc from "fast-check";
import type { CandleColumns } from "../candle";
import { mulberry32, priceSeries } from "./series";

export interface OhlcvSeries {
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
  readonly volume: number[];
}

/**
 * Valid candles around a close series: open near the previous close, high/low beyond both, volume
 * with zero stretches, and flat bars (o = h = l = c) where the close did not move.
 */
export function candlesAround(close: readonly number[], seed: number): OhlcvSeries {
  const rnd = mulberry32(seed);
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const volume: number[] = [];
  for (let t = 0; t < close.length; t++) {
    const c = close[t]!;
    const prev = t === 0 ? c : close[t - 1]!;
    const flat = prev === c;
    const o = flat ? c : prev * (1 + (rnd() - 0.5) * 0.004);
    const spread = flat ? 0 : rnd() * 0.01;
    open.push(o);
    high.push(Math.max(o, c) * (1 + spread));
    low.push(Math.min(o, c) * (1 - spread));
    volume.push(rnd() < 0.2 ? 0 : Math.round(rnd() * 1e6));
  }
  return { open, high, low, close: [...close], volume };
}

/** Arbitrary OHLCV series for property tests (closes from `priceSeries`). */
export function ohlcvSeries(options: { maxLength?: number } = {}): fc.Arbitrary<OhlcvSeries> {
  return fc
    .tuple(priceSeries(options), fc.integer({ min: 1, max: 1_000_000 }))
    .map(([c, seed]) => candlesAround(c, seed));
}

/** Row `t` as a bar object, for pushing into a stream. */
export function barAt(s: OhlcvSeries, t: number) {
  return {
    open: s.open[t]!,
    high: s.high[t]!,
    low: s.low[t]!,
    close: s.close[t]!,
    volume: s.volume[t]!,
  };
}

export function columnsOf(s: OhlcvSeries): CandleColumns {
  return s;
}
