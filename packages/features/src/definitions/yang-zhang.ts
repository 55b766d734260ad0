import { batchFromKernel, type FeatureDefinition, type FeatureKernel } from "../definition";
import { WINDOW } from "../history";
import { RollingMean } from "../kernels/rolling-mean";
import { RollingMoments } from "../kernels/rolling-moments";
import { SlidingWindow } from "../kernels/window";
import { windowParam } from "../params";
import { rogersSatchellTerm } from "./range-volatility";

/** Sample variance (ddof 1) of the last w values: `RollingMoments` fed through its window. */
class RollingVariance {
  private readonly win: SlidingWindow;
  private readonly m: RollingMoments;
  constructor(private readonly w: number) {
    this.win = new SlidingWindow(w);
    this.m = new RollingMoments(w);
  }
  push(x: number): number {
    this.m.observe(x);
    const leaving = this.win.push(x);
    const k = this.win.count;
    if (k < this.w) return Number.NaN;
    if (k === this.w || this.m.resumDue()) this.m.init(this.win.values, this.win.start);
    else this.m.slide(x, leaving);
    return this.m.variance();
  }
  undo(): void {
    this.win.undo();
    this.m.undo();
  }
  reset(): void {
    this.win.reset();
    this.m.reset();
  }
}

/**
 * Yang–Zhang volatility over w bars: `sqrt(σo² + k·σc² + (1 − k)·σrs²)` with σo² the sample
 * variance of the overnight returns ln(open/previous close), σc² that of ln(close/open), σrs² the
 * mean Rogers–Satchell term, and `k = 0.34 / (1.34 + (w + 1)/(w − 1))`. Defined from index w.
 */
export const yangZhangVolatility: FeatureDefinition = {
  name: "yang_zhang_volatility",
  summary: "Yang–Zhang volatility over w bars (overnight, open-close and Rogers–Satchell parts)",
  inputs: ["open", "high", "low", "close"],
  params: [windowParam("bars in the window")],
  firstIndex: (p) => p.window!,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    return batchFromKernel(yangZhangVolatility.createKernel(p), input, offset, into);
  },
  createKernel(p): FeatureKernel {
    const w = p.window!;
    const k = 0.34 / (1.34 + (w + 1) / (w - 1));
    const overnight = new RollingVariance(w);
    const openClose = new RollingVariance(w);
    const rs = new RollingMean(w);
    let prev = Number.NaN;
    let before = Number.NaN; // `prev` before the last push, for undo
    return {
      push(c, o, h, l) {
        const pc = prev;
        before = pc;
        prev = c;
        if (Number.isNaN(pc)) return Number.NaN;
        const vo = overnight.push(Math.log(o / pc));
        const vc = openClose.push(Math.log(c / o));
        const s = rs.pushSum(rogersSatchellTerm(c, o, h, l));
        if (Number.isNaN(s)) return Number.NaN;
        const v = vo + k * vc + (1 - k) * (s / w);
        return Math.sqrt(v > 0 ? v : 0);
      },
      undo() {
        if (!Number.isNaN(before)) {
          overnight.undo();
          openClose.undo();
          rs.undo();
        }
        prev = before;
      },
      reset() {
        overnight.reset();
        openClose.reset();
        rs.reset();
        prev = Number.NaN;
      },
    };
  },
};
