import type { FeatureDefinition, FeatureKernel } from "../definition";
import { WINDOW } from "../history";

/** `ln(close[t] / close[t-1])`, defined from input index 1. */
export const logReturn: FeatureDefinition = {
  name: "log_return",
  summary: "ln(close[t] / close[t-1])",
  inputs: ["close"],
  params: [],
  firstIndex: () => 1,
  history: () => WINDOW,
  batch(input, _p, offset) {
    const closes = input.closes;
    const n = closes.length;
    const out = new Float64Array(n - offset);
    for (let t = Math.max(offset, 1); t < n; t++) {
      out[t - offset] = Math.log(closes[t]! / closes[t - 1]!);
    }
    return out;
  },
  createKernel(): FeatureKernel {
    let prev = Number.NaN;
    return {
      push(x) {
        const r = Math.log(x / prev);
        prev = x;
        return r;
      },
      reset() {
        prev = Number.NaN;
      },
    };
  },
};
