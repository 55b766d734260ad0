import type { FeatureSpec } from "@mle/features";

/** The part of a candle a dataset needs; `Candle` from `@mle/market-client` satisfies it. */
export interface PriceSeries {
  /** ISO-8601 instant, e.g. `"2024-01-02T00:00:00.000Z"`. */
  readonly timestamp: string;
  readonly close: number;
  /** Read only when a column of the spec needs it (`atr`, `vwap`, ...: their `inputs`). */
  readonly open?: number;
  readonly high?: number;
  readonly low?: number;
  readonly volume?: number;
}

/**
 * Columnar alternative to an array of candles, for large inputs: no per-candle objects and no
 * timestamp strings to parse. `timestamps[i]` is epoch milliseconds of `closes[i]`, oldest first.
 */
export interface ColumnarSeries {
  readonly timestamps: ArrayLike<number>;
  readonly closes: ArrayLike<number>;
  /** Same length as `closes`; needed only when a column of the spec reads that field. */
  readonly opens?: ArrayLike<number>;
  readonly highs?: ArrayLike<number>;
  readonly lows?: ArrayLike<number>;
  readonly volumes?: ArrayLike<number>;
}

/** Half-open row interval `[start, end)` into a dataset's rows. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** One walk-forward fold: train on `train`, evaluate on the strictly later `test`. */
export interface Fold {
  readonly index: number;
  readonly train: RowRange;
  readonly test: RowRange;
}

/** Per-symbol accounting of candles into rows. `candles = kept + droppedWarmup + droppedNoLabel`. */
export interface SymbolStats {
  readonly candles: number;
  readonly kept: number;
  /** Candles before the first index where every feature is defined. */
  readonly droppedWarmup: number;
  /** The last candle, which has no next close to label it. */
  readonly droppedNoLabel: number;
}

/**
 * A labeled, columnar dataset. Row `i` holds the features of one symbol at one candle `t`
 * (computed from candles `<= t` only) and the target `close[t+1] / close[t] - 1`.
 * Rows are ordered by (timestamp, symbol id), so every row cut is a cut in time.
 */
export interface Dataset {
  readonly spec: FeatureSpec;
  readonly featureColumns: readonly string[];
  readonly rows: number;
  readonly cols: number;
  /** Row-major features: value of column `j` in row `i` is `X[i * cols + j]`. */
  readonly X: Float64Array;
  /** `target_next_return` of each row. */
  readonly y: Float64Array;
  /** Epoch milliseconds of each row's candle. */
  readonly timestamps: Float64Array;
  /** Index into `symbols` of each row. */
  readonly symbolIds: Uint32Array;
  /** Symbols in ascending code-unit order; `symbols[symbolIds[i]]` is row `i`'s symbol. */
  readonly symbols: readonly string[];
  readonly stats: { readonly perSymbol: Record<string, SymbolStats> };
}
