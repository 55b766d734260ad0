import type { FeatureDefinition, FeatureKernel } from "../definition";
import { WINDOW } from "../history";

/** `close[t] / close[t-1] - 1`, defined from input index 1. */
export const simpleReturn: FeatureDefinition = {
  name: "simple_return",
  summary: "close[t] / close[t-1] - 1",
  inputs: ["close"],
  params: [],
  firstIndex: () => 1,
  history: () => WINDOW,
  batch(input, _p, offset) {
    // Same expression as the kernel below; shared with rolling_volatility through `input`.
    return input.simpleReturns().subarray(offset);
  },
  createKernel(): FeatureKernel {
    let prev = Number.NaN;
    return {
      push(x) {
        const r = x / prev - 1;
        prev = x;
        return r;
      },
      reset() {
        prev = Number.NaN;
      },
    };
  },
};
