/**
 * Wilder's smoothing over `w` periods: the plain mean of the first `w` values pushed, then
 * `avg = (avg · (w − 1) + x) / w`; NaN until `w` values have been pushed. The stream kernel of
 * `atr` (over true ranges) and of `rsi` (its average gain and average loss); `atr`'s batch loop
 * repeats this arithmetic in locals (`definitions/agreement.test.ts` checks them bit for bit).
 */
export class WilderAverage {
  private count = 0;
  private value = 0;
  // the state before the last push, for undo
  private sCount = 0;
  private sValue = 0;
  constructor(private readonly w: number) {}
  /** Adds `x`; returns the average (NaN while fewer than `w` values have been pushed). */
  push(x: number): number {
    const w = this.w;
    this.sCount = this.count;
    this.sValue = this.value;
    const count = ++this.count;
    if (count > w) return (this.value = (this.value * (w - 1) + x) / w);
    this.value += x;
    if (count < w) return Number.NaN;
    return (this.value /= w);
  }
  /** Takes back the last `push` (once). */
  undo(): void {
    this.count = this.sCount;
    this.value = this.sValue;
  }
  reset(): void {
    this.count = 0;
    this.value = 0;
  }
}
