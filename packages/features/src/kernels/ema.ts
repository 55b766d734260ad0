/**
 * Exponential moving average with alpha = 2 / (n + 1), seeded with the mean of the first `n`
 * values pushed (NaN before), then `value += alpha · (x − value)`: the kernel of `ema` and of the
 * three EMAs inside MACD. MACD's batch loop repeats this arithmetic in locals
 * (`definitions/agreement.test.ts` checks them bit for bit).
 */
export class Ema {
  private count = 0;
  private sum = 0;
  value = Number.NaN;
  private readonly alpha: number;
  // the state before the last push, for undo
  private sCount = 0;
  private sSum = 0;
  private sValue = Number.NaN;
  constructor(private readonly n: number) {
    this.alpha = 2 / (n + 1);
  }
  /** Adds `x`; returns the EMA (NaN until `n` values have been pushed). */
  push(x: number): number {
    this.sCount = this.count;
    this.sSum = this.sum;
    this.sValue = this.value;
    if (this.count >= this.n) return (this.value += this.alpha * (x - this.value));
    this.sum += x;
    if (++this.count === this.n) this.value = this.sum / this.n;
    return this.value;
  }
  /** Takes back the last `push` (once). */
  undo(): void {
    this.count = this.sCount;
    this.sum = this.sSum;
    this.value = this.sValue;
  }
  reset(): void {
    this.count = 0;
    this.sum = 0;
    this.value = Number.NaN;
  }
}
