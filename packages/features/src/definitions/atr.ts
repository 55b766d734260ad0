import { columnOut, type FeatureDefinition, kernelWithPreviousClose } from "../definition";
import { converging } from "../history";
import { WilderAverage } from "../kernels/wilder";
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
    // WilderAverage's arithmetic over the true ranges in a plain loop of locals, on purpose: ATR
    // is benchmarked against the peers, and the recursion (a multiply, an add and a divide per
    // bar, one after the other) is all the time this loop takes.
    const w = p.window!;
    const { close: c, high: h, low: l } = input;
    const n = c.length;
    const out = columnOut(input, offset, into);
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
  createKernel(p) {
    const avg = new WilderAverage(p.window!);
    return kernelWithPreviousClose([avg], (pc, _c, _o, h, l) => avg.push(trueRange(h, l, pc)));
  },
};
