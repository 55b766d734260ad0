import type { FeatureDefinition, FeatureKernel } from "../definition";

/** `close[t] / close[t-1] - 1`, defined from input index 1. */
export const simpleReturn: FeatureDefinition = {
  name: "simple_return",
  summary: "close[t] / close[t-1] - 1",
  firstIndex: () => 1,
  batch(input, _lookback, offset) {
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
