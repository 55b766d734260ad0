import { RollingMoments } from "./rolling-moments";
import { SlidingWindow } from "./window";

/**
 * Sample variance (ddof 1) of the last `w` values pushed: `RollingMoments` fed through its
 * window (first full window and every re-summation by two passes, Welford slides between). The
 * stream kernel of `rolling_volatility`, `zscore`, `volume_zscore` and Yang–Zhang's two
 * variances; `rolling_volatility`'s batch loop repeats this arithmetic in locals
 * (`definitions/agreement.test.ts` checks them bit for bit).
 */
export class RollingVariance {
  private readonly win: SlidingWindow;
  private readonly m: RollingMoments;
  constructor(private readonly w: number) {
    this.win = new SlidingWindow(w);
    this.m = new RollingMoments(w);
  }
  /** Adds `x`; returns the variance of the window, NaN while it is not full. */
  push(x: number): number {
    const m = this.m;
    m.observe(x);
    const leaving = this.win.push(x);
    const k = this.win.count;
    if (k < this.w) return Number.NaN;
    if (k === this.w || m.resumDue()) m.init(this.win.values, this.win.start);
    else m.slide(x, leaving);
    return m.variance();
  }
  /** Mean of the window after the last `push` (when it returned a variance). */
  get mean(): number {
    return this.m.mean;
  }
  /** Takes back the last `push` (once). */
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
 * `(x − mean) / sample std` of the last `w` values pushed, NaN until `w` have been; exactly 0 when
 * they are all equal (the variance is then exactly 0). The kernel of `zscore` (closes) and
 * `volume_zscore` (volumes).
 */
export class RollingZscore {
  private readonly v: RollingVariance;
  constructor(w: number) {
    this.v = new RollingVariance(w);
  }
  push(x: number): number {
    const variance = this.v.push(x);
    if (Number.isNaN(variance)) return variance;
    const sd = Math.sqrt(variance);
    return sd === 0 ? 0 : (x - this.v.mean) / sd;
  }
  undo(): void {
    this.v.undo();
  }
  reset(): void {
    this.v.reset();
  }
}
