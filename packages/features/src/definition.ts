import type { BatchInput } from "./batch-input";
import type { CandleField } from "./candle";
import type { HistoryNeed } from "./history";
import type { FeatureName } from "./names";
import type { ParamDefinition, Params } from "./params";

/**
 * Incremental state of one feature. `push` receives one bar whose fields were already validated
 * (close first, so close-only kernels read just their first argument) and returns the feature
 * value at that step, or NaN while it is not yet defined.
 *
 * `undo` takes back the last `push` (one step only; it may not be called twice in a row, nor
 * before the first push or after `reset`): the state is then exactly what it was before that
 * push, so `undo(); push(corrected)` is `FeatureStream.replace`. Kernels keep their previous
 * scalar state and the one value each window overwrote, so `undo` is O(1).
 */
export interface FeatureKernel {
  push(close: number, open: number, high: number, low: number, volume: number): number;
  undo(): void;
  reset(): void;
}

/** The state behind a kernel (a `kernels/` class): it takes back one push and starts over. */
export interface KernelState {
  undo(): void;
  reset(): void;
}

/** A kernel whose whole state is `state`: `push` reads and advances it, `undo`/`reset` are its own. */
export function kernelOver(state: KernelState, push: FeatureKernel["push"]): FeatureKernel {
  return {
    push,
    undo: () => state.undo(),
    reset: () => state.reset(),
  };
}

/**
 * A kernel over each bar and the close before it (true range, returns, overnight gaps): NaN for
 * the first bar, then `push(previousClose, close, open, high, low, volume)`. `states` are what
 * `push` advances, from the second bar on only, so `undo` takes them back only then.
 */
export function kernelWithPreviousClose(
  states: readonly KernelState[],
  push: (prev: number, c: number, o: number, h: number, l: number, v: number) => number,
): FeatureKernel {
  let prev = Number.NaN;
  let before = Number.NaN; // `prev` before the last push, for undo
  return {
    push(c, o, h, l, v) {
      const p = prev;
      before = p;
      prev = c;
      return Number.isNaN(p) ? Number.NaN : push(p, c, o, h, l, v);
    },
    undo() {
      if (!Number.isNaN(before)) for (const s of states) s.undo();
      prev = before;
    },
    reset() {
      for (const s of states) s.reset();
      prev = Number.NaN;
    },
  };
}

/** Where a batch function writes its column: the caller's `into`, else n − offset new values. */
export function columnOut(input: BatchInput, offset: number, into?: Float64Array): Float64Array {
  return into ?? new Float64Array(input.closes.length - offset);
}

/** A kernel with no state (the value depends on the current bar only). */
export function statelessKernel(push: FeatureKernel["push"]): FeatureKernel {
  return { push, undo() {}, reset() {} };
}

/**
 * One named feature. Adding a feature means writing one of these (plus its test) and listing it
 * in `registry.ts`. `batch` and `createKernel` must produce bit-identical values; the shared
 * property test in `definitions/agreement.test.ts` checks that for every registered definition.
 */
export interface FeatureDefinition {
  readonly name: FeatureName;
  /** One line for docs and error messages. */
  readonly summary: string;
  /** The candle fields the feature reads. */
  readonly inputs: readonly CandleField[];
  /** Its parameters, in the order they appear in a column name (`macd_12_26_9`). */
  readonly params: readonly ParamDefinition[];
  /** A constraint between parameters (e.g. fast < slow): the problem, or undefined when valid. */
  checkParams?(p: Params): string | undefined;
  /** Input index of the first row where the feature is defined. */
  firstIndex(p: Params): number;
  /** What the value at `t` needs from earlier history to equal the whole-series value. */
  history(p: Params): HistoryNeed;
  /**
   * Returns the column: the value at input index `t` at position `t - offset`, for every `t` in
   * `[offset, n)`. Called with `firstIndex(p) <= offset` and `offset < n`.
   * The result may be a view into `input`'s shared arrays, never into the caller's data. With
   * `into` (length `n - offset`, caller-owned: `computeInto`) every entry is written there and
   * `into` is returned, with the same values bit for bit.
   */
  batch(input: BatchInput, p: Params, offset: number, into?: Float64Array): Float64Array;
  createKernel(p: Params): FeatureKernel;
}

/**
 * Batch implementation shared by features that need no special speed: run the kernel over the
 * series. Being the kernel itself, it agrees with the stream by construction.
 */
export function batchFromKernel(
  kernel: FeatureKernel,
  input: BatchInput,
  offset: number,
  into?: Float64Array,
): Float64Array {
  const { closes, open, high, low, volume } = input;
  const n = closes.length;
  const out = columnOut(input, offset, into);
  for (let t = 0; t < n; t++) {
    const v = kernel.push(closes[t]!, open[t]!, high[t]!, low[t]!, volume[t]!);
    if (t >= offset) out[t - offset] = v;
  }
  return out;
}
