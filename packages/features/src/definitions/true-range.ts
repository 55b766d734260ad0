import { batchFromKernel, type FeatureDefinition, type FeatureKernel } from "../definition";
import { WINDOW } from "../history";

/** `max(high − low, |high − close[t−1]|, |low − close[t−1]|)`, defined from input index 1. */
export function trueRange(high: number, low: number, prevClose: number): number {
  const a = high - low;
  const b = Math.abs(high - prevClose);
  const c = Math.abs(low - prevClose);
  return a >= b ? (a >= c ? a : c) : b >= c ? b : c;
}

export const trueRangeFeature: FeatureDefinition = {
  name: "true_range",
  summary: "max(high − low, |high − previous close|, |low − previous close|)",
  inputs: ["high", "low", "close"],
  params: [],
  firstIndex: () => 1,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    return batchFromKernel(trueRangeFeature.createKernel(p), input, offset, into);
  },
  createKernel(): FeatureKernel {
    let prev = Number.NaN;
    let before = Number.NaN;
    return {
      push(c, _o, h, l) {
        const p = prev;
        before = p;
        prev = c;
        return Number.isNaN(p) ? Number.NaN : trueRange(h, l, p);
      },
      undo() {
        prev = before;
      },
      reset() {
        prev = Number.NaN;
      },
    };
  },
};
