import { resumInterval } from "./resum";

/**
 * Sum of the last `w` values, updated in O(1) per step and re-summed exactly (oldest to newest)
 * every `resumInterval(w)` slides. This is the stream side; the batch loop in
 * `definitions/moving-average.ts` applies the same arithmetic in the same order (checked bit for
 * bit by `definitions/agreement.test.ts`).
 */
export class RollingSum {
  sum = 0;
  private since = 0;
  private savedSum = 0;
  private savedSince = 0;
  private readonly every: number;

  constructor(readonly w: number) {
    this.every = resumInterval(w);
  }

  /** Exact sum of `win[start .. start + w - 1]`, in order. */
  init(win: Float64Array, start: number): void {
    let s = 0;
    const end = start + this.w;
    for (let i = start; i < end; i++) s += win[i]!;
    this.sum = s;
    this.since = 0;
  }

  /**
   * Counts one slide and says whether it is a re-summation step: then the caller calls `init` on
   * the new window instead of `slide`. Both the batch loop and the stream follow this sequence.
   */
  resumDue(): boolean {
    return ++this.since >= this.every;
  }

  /** `xIn` entered the window and `xOut` left it. */
  slide(xIn: number, xOut: number): void {
    this.sum += xIn - xOut;
  }

  /** Records the state, once per step before it changes, for `undo`. */
  mark(): void {
    this.savedSum = this.sum;
    this.savedSince = this.since;
  }
  /** Back to the state of the last `mark`. */
  undo(): void {
    this.sum = this.savedSum;
    this.since = this.savedSince;
  }
  reset(): void {
    this.sum = 0;
    this.since = 0;
  }
}
