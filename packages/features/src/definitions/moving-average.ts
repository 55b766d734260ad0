import type { FeatureDefinition, FeatureKernel } from "../definition";
import { WINDOW } from "../history";
import { resumInterval } from "../kernels/resum";
import { RollingSum } from "../kernels/rolling-sum";
import { SlidingWindow } from "../kernels/window";
import { windowParam } from "../params";

/** Mean of closes `t-w+1 .. t`, defined from input index `w - 1`. */
export const movingAverage: FeatureDefinition = {
  name: "moving_average",
  summary: "mean of the last w closes",
  inputs: ["close"],
  params: [windowParam("closes averaged")],
  firstIndex: (p) => p.window! - 1,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    const w = p.window!;
    // Same arithmetic, same order as RollingSum (the stream side), kept in locals for speed.
    const c = input.closes;
    const n = c.length;
    const out = into ?? new Float64Array(n - offset);
    if (n < w) return out;
    const every = resumInterval(w);
    let sum = 0;
    for (let i = 0; i < w; i++) sum += c[i]!;
    if (w - 1 >= offset) out[w - 1 - offset] = sum / w;
    let since = 0;
    for (let t = w; t < n; t++) {
      if (++since >= every) {
        sum = 0;
        for (let i = t - w + 1; i <= t; i++) sum += c[i]!;
        since = 0;
      } else {
        sum += c[t]! - c[t - w]!;
      }
      out[t - offset] = sum / w; // offset <= w <= t
    }
    return out;
  },
  createKernel(p): FeatureKernel {
    const w = p.window!;
    const win = new SlidingWindow(w);
    const rs = new RollingSum(w);
    return {
      push(x) {
        rs.mark();
        const leaving = win.push(x);
        const k = win.count;
        if (k < w) return Number.NaN;
        if (k === w) rs.init(win.values, win.start);
        else if (rs.resumDue()) rs.init(win.values, win.start);
        else rs.slide(x, leaving);
        return rs.sum / w;
      },
      undo() {
        win.undo();
        rs.undo();
      },
      reset() {
        win.reset();
        rs.reset();
      },
    };
  },
};
