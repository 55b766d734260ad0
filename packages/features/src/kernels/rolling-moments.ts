import { resumInterval } from "./resum";
import { slideM2, slideMean } from "./welford";

/**
 * Two-pass mean and M2 (sum of squared deviations) of `win[start .. start + w - 1]`, written to
 * `out[0]` and `out[1]`. Used at the first full window and at every re-summation, by both the
 * batch loops and the stream kernels.
 */
export function twoPassMoments(
  win: Float64Array,
  start: number,
  w: number,
  out: Float64Array,
): void {
  const end = start + w;
  let s = 0;
  for (let i = start; i < end; i++) s += win[i]!;
  const mean = s / w;
  let m2 = 0;
  for (let i = start; i < end; i++) {
    const d = win[i]! - mean;
    m2 += d * d;
  }
  out[0] = mean;
  out[1] = m2;
}

/**
 * Stream-side state for the mean and M2 of the last `w` values. The batch loops in
 * `definitions/rolling-volatility.ts` hold the same state in locals and apply the same arithmetic
 * in the same order; `definitions/agreement.test.ts` checks they agree bit for bit.
 *
 * - Sliding uses the Welford-style replace update `M2 += d * (xIn - mean' + (xOut - mean))`,
 *   which has no `Σx² - (Σx)²/w` cancellation, so prices near 1e6 keep full relative accuracy.
 * - Every `resumInterval(w)` slides the state is recomputed by two passes over the window, so
 *   rounding never accumulates over more than that many steps (10M-candle series stay exact).
 * - When the last `w` values are all equal (a run length is tracked) the state is set to the exact
 *   answer, mean = x and M2 = 0: a constant window has variance exactly 0, never a tiny residue.
 * - M2 is never reported below 0.
 */
export class RollingMoments {
  mean = 0;
  m2 = 0;
  private since = 0;
  private run = 0;
  private last = Number.NaN;
  private readonly every: number;
  private readonly pair = new Float64Array(2);
  // the state before the last `observe`, for `undo`
  private readonly saved = new Float64Array(5);

  constructor(readonly w: number) {
    this.every = resumInterval(w);
  }

  /**
   * Records `x` for the constant-run check; call once for every value, warm-up included, before
   * `init`/`slide`. It also keeps the state before this step, which `undo` restores.
   */
  observe(x: number): void {
    const s = this.saved;
    s[0] = this.mean;
    s[1] = this.m2;
    s[2] = this.since;
    s[3] = this.run;
    s[4] = this.last;
    this.run = x === this.last ? this.run + 1 : 1;
    this.last = x;
  }

  /** Two-pass state from the window `win[start .. start + w - 1]`. */
  init(win: Float64Array, start: number): void {
    twoPassMoments(win, start, this.w, this.pair);
    this.mean = this.pair[0]!;
    this.m2 = this.pair[1]!;
    this.since = 0;
    this.settleConstant();
  }

  /**
   * Counts one slide and says whether it is a re-summation step: then the caller calls `init` on
   * the new window instead of `slide`.
   */
  resumDue(): boolean {
    return ++this.since >= this.every;
  }

  /** `xIn` entered the window and `xOut` left it. */
  slide(xIn: number, xOut: number): void {
    const mean = this.mean;
    const next = slideMean(mean, xIn, xOut, this.w);
    this.m2 = slideM2(this.m2, mean, next, xIn, xOut);
    this.mean = next;
    this.settleConstant();
  }

  /** Back to the state before the last `observe` (one step). */
  undo(): void {
    const s = this.saved;
    this.mean = s[0]!;
    this.m2 = s[1]!;
    this.since = s[2]!;
    this.run = s[3]!;
    this.last = s[4]!;
  }
  /** Sample variance (ddof = 1), never negative. */
  variance(): number {
    const m2 = this.m2;
    return m2 > 0 ? m2 / (this.w - 1) : 0;
  }

  reset(): void {
    this.mean = 0;
    this.m2 = 0;
    this.since = 0;
    this.run = 0;
    this.last = Number.NaN;
  }

  private settleConstant(): void {
    if (this.run >= this.w) {
      this.mean = this.last;
      this.m2 = 0;
    }
  }
}
