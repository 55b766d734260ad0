import type { FeatureDefinition, FeatureKernel } from "../definition";
import { WINDOW } from "../history";
import { BARS_PARAM, Lagged } from "./lagged";

/** `close[t] / close[t-k] - 1` (k = `bars`, 1 by default), defined from input index k. */
export const simpleReturn: FeatureDefinition = {
  name: "simple_return",
  summary: "close[t] / close[t-k] - 1 (k = bars, default 1)",
  inputs: ["close"],
  params: [BARS_PARAM],
  firstIndex: (p) => p.bars!,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    const k = p.bars!;
    // One bar: the shared simple-return series (also read by rolling_volatility), same expression.
    if (k === 1) {
      const r = input.simpleReturns().subarray(offset);
      if (!into) return r;
      into.set(r);
      return into;
    }
    const c = input.closes;
    const out = into ?? new Float64Array(c.length - offset);
    for (let t = offset; t < c.length; t++) out[t - offset] = c[t]! / c[t - k]! - 1;
    return out;
  },
  createKernel(p): FeatureKernel {
    const lag = new Lagged(p.bars!);
    return {
      push(x) {
        return x / lag.push(x) - 1;
      },
      undo() {
        lag.undo();
      },
      reset() {
        lag.reset();
      },
    };
  },
};
