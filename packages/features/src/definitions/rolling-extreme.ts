import { batchFromKernel, type FeatureDefinition, kernelOver } from "../definition";
import { WINDOW } from "../history";
import type { FeatureName } from "../names";
import { windowParam } from "../params";

/**
 * Running minimum (or maximum) of the last w closes with a monotonic deque of indices: O(1)
 * amortised per push, exact (no arithmetic, so batch and stream agree trivially).
 */
class RollingExtreme {
  private readonly idx: Float64Array;
  private readonly val: Float64Array;
  private head = 0;
  private size = 0;
  private t = 0;
  // the state before the last push, for undo: the deque bounds and the one slot it overwrote
  private sHead = 0;
  private sSize = 0;
  private sIdx = 0;
  private sVal = 0;
  private slot = 0;
  constructor(
    private readonly w: number,
    private readonly max: boolean,
  ) {
    this.idx = new Float64Array(w);
    this.val = new Float64Array(w);
  }
  push(x: number): number {
    const w = this.w;
    this.sHead = this.head;
    this.sSize = this.size;
    // drop values the new one dominates (from the back), then the one that left (front)
    while (this.size > 0) {
      const back = (this.head + this.size - 1) % w;
      const v = this.val[back]!;
      if (this.max ? v <= x : v >= x) this.size--;
      else break;
    }
    if (this.size > 0 && this.idx[this.head]! <= this.t - w) {
      this.head = (this.head + 1) % w;
      this.size--;
    }
    const slot = (this.head + this.size) % w;
    // popping only moves the bounds, so this slot is the only entry the push destroys
    this.slot = slot;
    this.sIdx = this.idx[slot]!;
    this.sVal = this.val[slot]!;
    this.idx[slot] = this.t;
    this.val[slot] = x;
    this.size++;
    return ++this.t >= w ? this.val[this.head]! : Number.NaN;
  }
  /** Takes back the last `push` (once). */
  undo(): void {
    this.idx[this.slot] = this.sIdx;
    this.val[this.slot] = this.sVal;
    this.head = this.sHead;
    this.size = this.sSize;
    this.t--;
  }
  reset(): void {
    this.head = 0;
    this.size = 0;
    this.t = 0;
  }
}

function distance(name: FeatureName, summary: string, max: boolean): FeatureDefinition {
  const def: FeatureDefinition = {
    name,
    summary,
    inputs: ["close"],
    params: [windowParam("closes in the window")],
    firstIndex: (p) => p.window! - 1,
    history: () => WINDOW,
    batch(input, p, offset, into) {
      return batchFromKernel(def.createKernel(p), input, offset, into);
    },
    createKernel(p) {
      const ext = new RollingExtreme(p.window!, max);
      return kernelOver(ext, (c) => c / ext.push(c) - 1);
    },
  };
  return def;
}

/** `close / min(last w closes) − 1` (≥ 0): how far above the window's low the close is. */
export const rollingMinDistance = distance(
  "rolling_min_distance",
  "close / min of the last w closes − 1 (>= 0)",
  false,
);
/** `close / max(last w closes) − 1` (≤ 0): how far below the window's high the close is. */
export const rollingMaxDistance = distance(
  "rolling_max_distance",
  "close / max of the last w closes − 1 (<= 0)",
  true,
);
