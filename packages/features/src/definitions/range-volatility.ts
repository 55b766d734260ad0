import { batchFromKernel, type FeatureDefinition, kernelOver } from "../definition";
import { WINDOW } from "../history";
import { RollingMean } from "../kernels/rolling-mean";
import type { FeatureName } from "../names";
import { windowParam } from "../params";

const LN2 = Math.log(2);
const GK = 2 * LN2 - 1;

/**
 * A range-based volatility estimator: `sqrt(mean of a per-bar term over the last w bars)`, the
 * term never negative for a valid candle (so the mean is clamped at 0 only against rounding).
 */
function rangeVolatility(
  name: FeatureName,
  summary: string,
  term: (c: number, o: number, h: number, l: number) => number,
  inputs: FeatureDefinition["inputs"],
): FeatureDefinition {
  const def: FeatureDefinition = {
    name,
    summary,
    inputs,
    params: [windowParam("bars in the window")],
    firstIndex: (p) => p.window! - 1,
    history: () => WINDOW,
    batch(input, p, offset, into) {
      return batchFromKernel(def.createKernel(p), input, offset, into);
    },
    createKernel(p) {
      const w = p.window!;
      const mean = new RollingMean(w);
      return kernelOver(mean, (c, o, h, l) => {
        const s = mean.pushSum(term(c, o, h, l));
        if (Number.isNaN(s)) return s;
        const m = s / w;
        return Math.sqrt(m > 0 ? m : 0);
      });
    },
  };
  return def;
}

/** Parkinson: `sqrt(mean(ln(h/l)²) / (4 ln 2))`. */
export const parkinsonVolatility = rangeVolatility(
  "parkinson_volatility",
  "Parkinson high-low volatility: sqrt(mean(ln(high/low)²) / (4 ln 2)) over w bars",
  (_c, _o, h, l) => {
    const x = Math.log(h / l);
    return (x * x) / (4 * LN2);
  },
  ["high", "low"],
);

/** Garman–Klass: `sqrt(mean(½ ln(h/l)² − (2 ln 2 − 1) ln(c/o)²))`. */
export const garmanKlassVolatility = rangeVolatility(
  "garman_klass_volatility",
  "Garman–Klass volatility: sqrt(mean(0.5 ln(high/low)² − (2 ln 2 − 1) ln(close/open)²)) over w bars",
  (c, o, h, l) => {
    const x = Math.log(h / l);
    const y = Math.log(c / o);
    return 0.5 * x * x - GK * y * y;
  },
  ["open", "high", "low", "close"],
);

/** Rogers–Satchell: `sqrt(mean(ln(h/c)·ln(h/o) + ln(l/c)·ln(l/o)))`. */
export const rogersSatchellVolatility = rangeVolatility(
  "rogers_satchell_volatility",
  "Rogers–Satchell volatility: sqrt(mean(ln(high/close)·ln(high/open) + ln(low/close)·ln(low/open))) over w bars",
  (c, o, h, l) => rogersSatchellTerm(c, o, h, l),
  ["open", "high", "low", "close"],
);

export function rogersSatchellTerm(c: number, o: number, h: number, l: number): number {
  return Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);
}
