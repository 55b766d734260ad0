import {
  type CandleColumns,
  type CandleField,
  checkPrice,
  checkRange,
  checkVolume,
  type Ohlcv,
} from "./candle";
import { firstBadCandle, ohlcvValid } from "./candle-checks";
import { FeatureError } from "./errors";

/** Throws `INVALID_INPUT` naming `index` unless `x` is a finite number > 0. */
export function checkClose(x: unknown, index: number): asserts x is number {
  checkPrice(x, index, "close");
}

const EMPTY = new Float64Array(0);
const CLOSE_ONLY: ReadonlySet<CandleField> = new Set(["close"]);

/** What `toOhlcv` returns. */
export interface ValidatedInput {
  readonly ohlcv: Ohlcv;
  /** True when `ohlcv.close` is a copy made here (not the caller's array). */
  readonly ownsCloses: boolean;
}

/** Validates every close and returns them as a Float64Array (no copy for a Float64Array). */
export function toCloses(closes: ArrayLike<number>): Float64Array {
  return toOhlcv(closes, CLOSE_ONLY).ohlcv.close;
}

/**
 * Validated columns for a spec reading `fields`: closes from a plain series or a `CandleColumns`,
 * the other fields only when read (zero-length otherwise), and the OHLC ordering of every candle.
 * Float64Array columns are used as they are (no copy); other array-likes are copied once.
 *
 * The common case, valid input, costs one pass over the columns (`ohlcvValid`); only when that
 * pass finds a problem does the checked path run, which throws the first problem in the
 * documented order (close, open, high, low, volume, then the candle order).
 */
export function toOhlcv(
  input: ArrayLike<number> | CandleColumns,
  fields: ReadonlySet<CandleField>,
): ValidatedInput {
  return tryValid(input, fields) ?? toOhlcvChecked(input, fields);
}

/** The columns when the input is well-formed and valid, else undefined (nothing thrown). */
function tryValid(
  input: ArrayLike<number> | CandleColumns,
  fields: ReadonlySet<CandleField>,
): ValidatedInput | undefined {
  const columns = isCandleColumns(input) ? input : undefined;
  const rawClose = columns ? columns.close : (input as ArrayLike<number>);
  const close = asFloat64(rawClose, undefined);
  if (close === undefined) return undefined;
  const n = close.length;
  const pick = (field: CandleField): Float64Array | undefined => {
    if (!fields.has(field)) return EMPTY;
    const raw = columns?.[field];
    return raw === undefined ? undefined : asFloat64(raw, n);
  };
  const open = pick("open");
  const high = pick("high");
  const low = pick("low");
  const volume = pick("volume");
  if (!open || !high || !low || !volume) return undefined;
  const ohlcv: Ohlcv = { close, open, high, low, volume };
  if (!ohlcvValid(ohlcv)) return undefined;
  return { ohlcv, ownsCloses: close !== rawClose };
}

/**
 * `xs` as a Float64Array: itself when it is one, else a copy in which anything that is not a
 * number is NaN (so the validity pass rejects it). Undefined when `xs` is not array-like or its
 * length is not `n`.
 */
function asFloat64(xs: unknown, n: number | undefined): Float64Array | undefined {
  if (!isArrayLike(xs) || (n !== undefined && xs.length !== n)) return undefined;
  if (xs instanceof Float64Array) return xs;
  const len = xs.length;
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const x: unknown = xs[i];
    out[i] = typeof x === "number" ? x : Number.NaN;
  }
  return out;
}

/** The checked path: the same result as `tryValid` for valid input, else the first problem thrown. */
function toOhlcvChecked(
  input: ArrayLike<number> | CandleColumns,
  fields: ReadonlySet<CandleField>,
): ValidatedInput {
  const columns = isCandleColumns(input) ? input : undefined;
  const rawClose = columns ? columns.close : (input as ArrayLike<number>);
  const close = toColumn(rawClose, "close", undefined);
  const n = close.length;
  const pick = (field: CandleField): Float64Array => {
    if (!fields.has(field)) return EMPTY;
    if (!columns || columns[field] === undefined) {
      throw new FeatureError(
        "INVALID_INPUT",
        `the spec reads ${field}: pass candle columns { close, ${field}, ... } or bars with ${field}`,
        { field },
      );
    }
    return toColumn(columns[field], field, n);
  };
  const ohlcv: Ohlcv = {
    close,
    open: pick("open"),
    high: pick("high"),
    low: pick("low"),
    volume: pick("volume"),
  };
  const i = firstBadCandle(ohlcv);
  if (i >= 0) {
    const { open, high, low } = ohlcv;
    const c = close[i]!;
    checkRange(
      i,
      c,
      open.length > 0 ? open[i]! : c,
      high.length > 0 ? high[i]! : Number.POSITIVE_INFINITY,
      low.length > 0 ? low[i]! : 0,
    );
  }
  return { ohlcv, ownsCloses: close !== rawClose };
}

/** Checks a price or volume column value by value, throwing at the first bad one. */
function toColumn(xs: unknown, field: CandleField, n: number | undefined): Float64Array {
  if (!isArrayLike(xs)) {
    throw new FeatureError(
      "INVALID_INPUT",
      field === "close"
        ? "closes must be an array or typed array of numbers"
        : `${field} must be an array or typed array of numbers (a feature of the spec reads it)`,
      { field },
    );
  }
  const len = xs.length;
  if (n !== undefined && len !== n) {
    throw new FeatureError("INVALID_INPUT", `${field} has ${len} values but close has ${n}`, {
      field,
    });
  }
  const copy = xs instanceof Float64Array ? undefined : new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const x: unknown = xs[i];
    if (field === "volume") checkVolume(x, i);
    else checkPrice(x, i, field);
    if (copy) copy[i] = x;
  }
  return copy ?? (xs as Float64Array);
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return (
    typeof x === "object" && x !== null && typeof (x as ArrayLike<unknown>).length === "number"
  );
}

function isCandleColumns(x: unknown): x is CandleColumns {
  return (
    typeof x === "object" &&
    x !== null &&
    !Array.isArray(x) &&
    !ArrayBuffer.isView(x) &&
    "close" in x
  );
}
