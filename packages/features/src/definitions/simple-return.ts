import { columnOut } from "../definition";
import { laggedReturn } from "./lagged";

/** `close[t] / close[t-k] - 1` (k = `bars`, 1 by default), defined from input index k. */
export const simpleReturn = laggedReturn(
  "simple_return",
  "close[t] / close[t-k] - 1 (k = bars, default 1)",
  (lag) => (x) => x / lag.push(x) - 1,
  (input, p, offset, into) => {
    const k = p.bars!;
    // One bar: the shared simple-return series (also read by rolling_volatility), same expression.
    if (k === 1) {
      const r = input.simpleReturns().subarray(offset);
      if (!into) return r;
      into.set(r);
      return into;
    }
    const c = input.closes;
    const out = columnOut(input, offset, into);
    for (let t = offset; t < c.length; t++) out[t - offset] = c[t]! / c[t - k]! - 1;
    return out;
  },
);
