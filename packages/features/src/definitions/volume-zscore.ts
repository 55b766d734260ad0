import { batchFromKernel, type FeatureDefinition, type FeatureKernel } from "../definition";
import { WINDOW } from "../history";
import { RollingMoments } from "../kernels/rolling-moments";
import { SlidingWindow } from "../kernels/window";
import { windowParam } from "../params";

/** `(volume − mean) / sample std` of the last w volumes; exactly 0 when they are all equal. */
export const volumeZscore: FeatureDefinition = {
  name: "volume_zscore",
  summary: "(volume − rolling mean) / rolling sample std of the last w volumes; 0 when flat",
  inputs: ["volume"],
  params: [windowParam("volumes in the window")],
  firstIndex: (p) => p.window! - 1,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    return batchFromKernel(volumeZscore.createKernel(p), input, offset, into);
  },
  createKernel(p): FeatureKernel {
    const w = p.window!;
    const win = new SlidingWindow(w);
    const m = new RollingMoments(w);
    return {
      push(_c, _o, _h, _l, v) {
        m.observe(v);
        const leaving = win.push(v);
        const k = win.count;
        if (k < w) return Number.NaN;
        if (k === w || m.resumDue()) m.init(win.values, win.start);
        else m.slide(v, leaving);
        const sd = Math.sqrt(m.variance());
        return sd === 0 ? 0 : (v - m.mean) / sd;
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
