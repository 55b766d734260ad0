import type { FeatureDefinition, FeatureKernel } from "../definition";
import { converging } from "../history";
import { windowParam } from "../params";
import { trueRange } from "./true-range";

/**
 * Wilder's average true range over `w` periods: at input index `w` the mean of the true ranges
 * of indices 1..w, then `atr = (atr·(w − 1) + tr) / w`.
 */
export const atr: FeatureDefinition = {
  name: "atr",
  summary: "Wilder average true range over w periods",
  inputs: ["high", "low", "close"],
  params: [windowParam("Wilder periods")],
  firstIndex: (p) => p.window!,
  history: (p) => converging(1 / p.window!, p.window!),
  batch(input, p, offset, into) {
    // The kernel's arithmetic in a plain loop (ATR is benchmarked against the peers).
    const w = p.window!;
    const { close: c, high: h, low: l } = input;
    const n = c.length;
    const out = into ?? new Float64Array(n - offset);
    if (n <= w) return out;
    let sum = 0;
    for (let t = 1; t <= w; t++) sum += trueRange(h[t]!, l[t]!, c[t - 1]!);
    let a = sum / w;
    if (w >= offset) out[w - offset] = a;
    for (let t = w + 1; t < n; t++) {
      a = (a * (w - 1) + trueRange(h[t]!, l[t]!, c[t - 1]!)) / w;
      if (t >= offset) out[t - offset] = a;
    }
    return out;
  },
  createKernel(p): FeatureKernel {
    const w = p.window!;
    let prev = Number.NaN;
    let count = 0;
    let value = 0;
    // the state before the last push, for undo
    let sPrev = Number.NaN;
    let sCount = 0;
    let sValue = 0;
    return {
      push(c, _o, h, l) {
        sPrev = prev;
        sCount = count;
        sValue = value;
        const pc = prev;
        prev = c;
        if (Number.isNaN(pc)) return Number.NaN;
        const tr = trueRange(h, l, pc);
        count++;
        if (count > w) return (value = (value * (w - 1) + tr) / w);
        value += tr;
        if (count < w) return Number.NaN;
        return (value = value / w);
      },
      undo() {
        prev = sPrev;
        count = sCount;
        value = sValue;
      },
      reset() {
        prev = Number.NaN;
        count = 0;
        value = 0;
      },
    };
  },
};
