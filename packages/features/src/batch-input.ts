import type { Ohlcv } from "./candle";
import { columnName } from "./column";
import type { FeatureName } from "./names";
import type { Params } from "./params";

/**
 * What a feature's batch function receives: the validated columns (a field the spec does not read
 * is zero-length) and lazily shared intermediates, so when several features need the same series
 * (simple returns) it is computed once per call.
 */
export interface BatchInput extends Ohlcv {
  /** Same array as `close`. */
  readonly closes: Float64Array;
  /** True when `closes` is a private copy made by this call, so columns may be views of it. */
  readonly ownsCloses: boolean;
  /** `r[t] = closes[t] / closes[t-1] - 1` for t >= 1 (`r[0]` is NaN); computed once, then cached. */
  simpleReturns(): Float64Array;
  /** An intermediate several columns share (the MACD line and signal): computed once per call. */
  shared<T>(key: string, compute: () => T): T;
  /**
   * The caller-owned buffer (`computeInto`, already cut to the table's length) of this call's
   * column of `feature` with `params`, or undefined (`computeFeatures`, or no such column). Lets
   * one loop that produces several columns (MACD's line, signal and histogram) write each
   * straight to where it belongs.
   */
  target(feature: FeatureName, params: Params): Float64Array | undefined;
}

const EMPTY = new Float64Array(0);

const NO_TARGETS: ReadonlyMap<string, Float64Array> = new Map();

/**
 * `scratch` (length >= n, caller-owned, `computeInto`) holds the simple returns instead of a
 * fresh array, so a whole computation allocates no n-sized array; `targets` are the caller's
 * buffers by parameterised column name (`columnName`), for `BatchInput.target`.
 */
export function createBatchInput(
  columns: Ohlcv | Float64Array,
  ownsCloses: boolean,
  scratch?: Float64Array,
  targets: ReadonlyMap<string, Float64Array> = NO_TARGETS,
): BatchInput {
  const ohlcv: Ohlcv =
    columns instanceof Float64Array
      ? { close: columns, open: EMPTY, high: EMPTY, low: EMPTY, volume: EMPTY }
      : columns;
  const closes = ohlcv.close;
  let returns: Float64Array | undefined;
  const memo = new Map<string, unknown>();
  return {
    ...ohlcv,
    closes,
    ownsCloses,
    simpleReturns() {
      if (returns === undefined) {
        const n = closes.length;
        const r = scratch ? scratch.subarray(0, n) : new Float64Array(n);
        if (n > 0) r[0] = Number.NaN;
        for (let t = 1; t < n; t++) r[t] = closes[t]! / closes[t - 1]! - 1;
        returns = r;
      }
      return returns;
    },
    shared<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
    target(feature, params) {
      return targets.size === 0 ? undefined : targets.get(columnName(feature, params));
    },
  };
}
