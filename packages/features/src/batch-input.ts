import type { Ohlcv } from "./candle";

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
  /** Hands over a simple-return series computed elsewhere (same expression), e.g. by a fused loop. */
  provideSimpleReturns(r: Float64Array): void;
}

const EMPTY = new Float64Array(0);

export function createBatchInput(columns: Ohlcv | Float64Array, ownsCloses: boolean): BatchInput {
  const ohlcv: Ohlcv =
    columns instanceof Float64Array
      ? { close: columns, open: EMPTY, high: EMPTY, low: EMPTY, volume: EMPTY }
      : columns;
  const closes = ohlcv.close;
  let returns: Float64Array | undefined;
  return {
    ...ohlcv,
    closes,
    ownsCloses,
    simpleReturns() {
      if (returns === undefined) {
        const n = closes.length;
        const r = new Float64Array(n);
        if (n > 0) r[0] = Number.NaN;
        for (let t = 1; t < n; t++) r[t] = closes[t]! / closes[t - 1]! - 1;
        returns = r;
      }
      return returns;
    },
    provideSimpleReturns(r) {
      returns = r;
    },
  };
}
