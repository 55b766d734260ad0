import { batchFromKernel, type FeatureDefinition, type FeatureKernel } from "../definition";
import { WINDOW } from "../history";
import { RollingMoments } from "../kernels/rolling-moments";
import { SlidingWindow } from "../kernels/window";
import { windowParam } from "../params";

/**
 * `(close[t] - mean) / std` over closes `t-w+1 .. t` (sample std, ddof 1), defined from input
 * index `w - 1`; exactly 0 when the window is constant.
 */
export const zscore: FeatureDefinition = {
  name: "zscore",
  summary: "(close - rolling mean) / rolling sample std of the last w closes; 0 when flat",
  inputs: ["close"],
  params: [windowParam("closes in the window")],
  firstIndex: (p) => p.window! - 1,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    return batchFromKernel(zscore.createKernel(p), input, offset, into);
  },
  createKernel(p): FeatureKernel {
    const w = p.window!;
    const win = new SlidingWindow(w);
    const m = new RollingMoments(w);
    return {
      push(x) {
        m.observe(x);
        const leaving = win.push(x);
        const k = win.count;
        if (k < w) return Number.NaN;
        if (k === w) m.init(win.values, win.start);
        else if (m.resumDue()) m.init(win.values, win.start);
        else m.slide(x, leaving);
        const sd = Math.sqrt(m.variance());
        return sd === 0 ? 0 : (x - m.mean) / sd;
      },
      undo() {
        win.undo();
        m.undo();
      },
      reset() {
        win.reset();
        m.reset();
      },
    };
  },
};
