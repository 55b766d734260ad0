import { columnOut } from "../definition";
import { laggedReturn } from "./lagged";

/** `ln(close[t] / close[t-k])` (k = `bars`, 1 by default), defined from input index k. */
export const logReturn = laggedReturn(
  "log_return",
  "ln(close[t] / close[t-k]) (k = bars, default 1)",
  (lag) => (x) => Math.log(x / lag.push(x)),
  (input, p, offset, into) => {
    const k = p.bars!;
    const c = input.closes;
    const out = columnOut(input, offset, into);
    for (let t = Math.max(offset, k); t < c.length; t++)
      out[t - offset] = Math.log(c[t]! / c[t - k]!);
    return out;
  },
);
