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
 * A return over k bars (`bars`, default 1), defined from input index k, from `close[t]` and
 * `close[t − k]`. Each feature gives its own stream step (`push(lag)`: the value of a close, with
 * `lag.push(close)` the close k bars before) and its own batch loop, both with the same
 * expression: a shared loop or step calling the expression through a closure would be one
 * polymorphic call site for both features (measured slower in the stream bench).
 */
export function laggedReturn(
  name: FeatureName,
  summary: string,
  push: (lag: Lagged) => (close: number) => number,
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
      return kernelOver(lag, push(lag));
    },
  };
}
