/**
 * The last `w` values of a stream, always readable as one contiguous run
 * `values[start .. start + w - 1]` (oldest first): each value is written twice, at `h` and `h + w`.
 * That lets re-summation code take `(array, start)` both here and on a batch input array.
 */
export class SlidingWindow {
  readonly values: Float64Array;
  /** Index of the oldest value of the full window. */
  start = 0;
  /** Values pushed so far. */
  count = 0;

  constructor(readonly w: number) {
    this.values = new Float64Array(2 * w);
  }

  /** The value the last `push` overwrote, for `undo`. */
  private overwritten = 0;
  /** Appends `x`; returns the value that left the window (NaN while it is not yet full). */
  push(x: number): number {
    const h = this.start;
    const old = this.values[h]!;
    const out = this.count >= this.w ? old : Number.NaN;
    this.overwritten = old;
    this.values[h] = x;
    this.values[h + this.w] = x;
    this.start = h + 1 === this.w ? 0 : h + 1;
    this.count++;
    return out;
  }

  /** Takes back the last `push` (once). */
  undo(): void {
    const h = this.start === 0 ? this.w - 1 : this.start - 1;
    this.values[h] = this.overwritten;
    this.values[h + this.w] = this.overwritten;
    this.start = h;
    this.count--;
  }
  reset(): void {
    this.values.fill(0);
    this.start = 0;
    this.count = 0;
  }
}
