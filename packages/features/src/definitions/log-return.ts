import type { FeatureDefinition, FeatureKernel } from "../definition";
import { WINDOW } from "../history";
import { BARS_PARAM, Lagged } from "./lagged";

/** `ln(close[t] / close[t-k])` (k = `bars`, 1 by default), defined from input index k. */
export const logReturn: FeatureDefinition = {
  name: "log_return",
  summary: "ln(close[t] / close[t-k]) (k = bars, default 1)",
  inputs: ["close"],
  params: [BARS_PARAM],
  firstIndex: (p) => p.bars!,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    const k = p.bars!;
    const c = input.closes;
    const out = into ?? new Float64Array(c.length - offset);
    for (let t = Math.max(offset, k); t < c.length; t++)
      out[t - offset] = Math.log(c[t]! / c[t - k]!);
    return out;
  },
  createKernel(p): FeatureKernel {
    const lag = new Lagged(p.bars!);
    return {
      push(x) {
        return Math.log(x / lag.push(x));
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
