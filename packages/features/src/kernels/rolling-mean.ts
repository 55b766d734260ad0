import { RollingSum } from "./rolling-sum";
import { SlidingWindow } from "./window";

/**
 * Mean of the last `w` values pushed, NaN until `w` have been pushed: the moving-average kernel
 * over any derived series (ln(h/l)², typical price × volume, ...). Same re-summation schedule as
 * `moving_average`, so the error never accumulates over more than max(1024, w) steps.
 */
export class RollingMean {
  private readonly win: SlidingWindow;
  private readonly rs: RollingSum;

  constructor(readonly w: number) {
    this.win = new SlidingWindow(w);
    this.rs = new RollingSum(w);
  }

  /** Adds `x`; returns the window sum (NaN while the window is not full). */
  pushSum(x: number): number {
    const w = this.w;
    this.rs.mark();
    const leaving = this.win.push(x);
    const k = this.win.count;
    if (k < w) return Number.NaN;
    if (k === w || this.rs.resumDue()) this.rs.init(this.win.values, this.win.start);
    else this.rs.slide(x, leaving);
    return this.rs.sum;
  }

  /** Takes back the last `pushSum` (once). */
  undo(): void {
    this.win.undo();
    this.rs.undo();
  }
  reset(): void {
    this.win.reset();
    this.rs.reset();
  }
}
