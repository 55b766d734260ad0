import { type FeatureDefinition, kernelOver } from "../definition";
import { WINDOW } from "../history";
import type { FeatureName } from "../names";

/** The last `k` closes, to read `close[t − k]` in a stream. */
export class Lagged {
  private readonly ring: Float64Array;
  private pos = 0;
  private count = 0;
  private overwritten = 0;
  constructor(private readonly k: number) {
    this.ring = new Float64Array(k);
  }
  /** Stores `x` and returns the value pushed `k` steps before it (NaN until there is one). */
  push(x: number): number {
    const prev = this.ring[this.pos]!;
    const old = this.count >= this.k ? prev : Number.NaN;
    this.overwritten = prev;
    this.ring[this.pos] = x;
    this.pos = this.pos + 1 === this.k ? 0 : this.pos + 1;
    this.count++;
    return old;
  }
  /** Takes back the last `push` (once). */
  undo(): void {
    this.pos = this.pos === 0 ? this.k - 1 : this.pos - 1;
    this.ring[this.pos] = this.overwritten;
    this.count--;
  }
  reset(): void {
    this.pos = 0;
    this.count = 0;
  }
}

export const BARS_PARAM = {
  name: "bars",
  summary: "k: the return over k bars, close[t] vs close[t − k]",
  min: 1,
  max: 10_000,
  default: 1,
} as const;

/**
 * A return over k bars (`bars`, default 1), defined from input index k: `value(close[t],
 * close[t − k])`. The stream kernel is built from `value`; `batch` is the feature's own loop over
 * the closes (kept inline in each feature: a shared loop calling `value` through a closure would be
 * polymorphic, and these columns are on the benchmarked path), which must use the same expression.
 */
export function laggedReturn(
  name: FeatureName,
  summary: string,
  value: (close: number, lagged: number) => number,
  batch: FeatureDefinition["batch"],
): FeatureDefinition {
  return {
    name,
    summary,
    inputs: ["close"],
    params: [BARS_PARAM],
    firstIndex: (p) => p.bars!,
    history: () => WINDOW,
    batch,
    createKernel(p) {
      const lag = new Lagged(p.bars!);
      return kernelOver(lag, (x) => value(x, lag.push(x)));
    },
  };
}
