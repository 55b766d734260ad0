import { FeatureError } from "./errors";

/** A field of an OHLCV candle that a feature can read. */
export type CandleField = "open" | "high" | "low" | "close" | "volume";

/** Every candle field, in the order kernels receive them after `close`. */
export const CANDLE_FIELDS: readonly CandleField[] = Object.freeze([
  "open",
  "high",
  "low",
  "close",
  "volume",
] as const);

/**
 * Columnar candles (typed arrays welcome, no copy when they are `Float64Array`s). Only `close`
 * is required; a feature that reads another field needs it (`INVALID_INPUT` otherwise).
 */
export interface CandleColumns {
  readonly close: ArrayLike<number>;
  readonly open?: ArrayLike<number>;
  readonly high?: ArrayLike<number>;
  readonly low?: ArrayLike<number>;
  readonly volume?: ArrayLike<number>;
}

/** One candle, as a market-client `Candle` is (extra fields are ignored). */
export interface Bar {
  readonly close: number;
  readonly open?: number;
  readonly high?: number;
  readonly low?: number;
  readonly volume?: number;
}

/** Validated columns: `close` always, each other field a zero-length array when not read. */
export interface Ohlcv {
  readonly close: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly volume: Float64Array;
}

function invalid(field: string, index: number, detail: string): FeatureError {
  return new FeatureError("INVALID_INPUT", `${field} at index ${index} ${detail}`, {
    index,
    field,
  });
}

/** Throws `INVALID_INPUT` naming `index` and `field` unless `x` is a finite number > 0. */
export function checkPrice(x: unknown, index: number, field: string): asserts x is number {
  // `x > 0` is false for NaN; the Infinity check covers the rest.
  if (typeof x !== "number" || !(x > 0) || x === Number.POSITIVE_INFINITY) {
    throw invalid(field, index, `must be a finite number > 0, got ${String(x)}`);
  }
}

/** Throws `INVALID_INPUT` unless the volume `x` is a finite number >= 0. */
export function checkVolume(x: unknown, index: number): asserts x is number {
  if (typeof x !== "number" || !(x >= 0) || x === Number.POSITIVE_INFINITY) {
    throw invalid("volume", index, `must be a finite number >= 0, got ${String(x)}`);
  }
}

/**
 * Checks `low <= min(open, close) <= max(open, close) <= high` for the fields present (NaN for a
 * field the spec does not read), throwing `INVALID_CANDLE` naming the index and the field at fault.
 */
export function checkRange(
  index: number,
  close: number,
  open: number,
  high: number,
  low: number,
): void {
  if (low > high) throw inconsistent(index, "low", `low ${low} is above high ${high}`);
  if (low > close) throw inconsistent(index, "low", `low ${low} is above close ${close}`);
  if (low > open) throw inconsistent(index, "low", `low ${low} is above open ${open}`);
  if (high < close) throw inconsistent(index, "high", `high ${high} is below close ${close}`);
  if (high < open) throw inconsistent(index, "high", `high ${high} is below open ${open}`);
}

function inconsistent(index: number, field: string, detail: string): FeatureError {
  return new FeatureError("INVALID_CANDLE", `candle at index ${index}: ${detail}`, {
    index,
    field,
  });
}
