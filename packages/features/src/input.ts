import {
  type CandleColumns,
  type CandleField,
  checkPrice,
  checkRange,
  checkVolume,
  type Ohlcv,
} from "./candle";
import { FeatureError } from "./errors";

/** Throws `INVALID_INPUT` naming `index` unless `x` is a finite number > 0. */
export function checkClose(x: unknown, index: number): asserts x is number {
  checkPrice(x, index, "close");
}

const EMPTY = new Float64Array(0);

function checkPriceOf(field: string): (x: unknown, index: number) => void {
  return (x, index) => checkPrice(x, index, field);
}

/**
 * Validates a price or volume column and returns it as a Float64Array (the same array when it
 * already is one: no copy on the hot path).
 */
function toColumn(xs: unknown, field: CandleField, n: number | undefined): Float64Array {
  const check = field === "volume" ? checkVolume : checkPriceOf(field);
  if (
    typeof xs !== "object" ||
    xs === null ||
    typeof (xs as ArrayLike<number>).length !== "number"
  ) {
    throw new FeatureError(
      "INVALID_INPUT",
      field === "close"
        ? "closes must be an array or typed array of numbers"
        : `${field} must be an array or typed array of numbers (a feature of the spec reads it)`,
      { field },
    );
  }
  const col = xs as ArrayLike<number>;
  const len = col.length;
  if (n !== undefined && len !== n) {
    throw new FeatureError("INVALID_INPUT", `${field} has ${len} values but close has ${n}`, {
      field,
    });
  }
  if (col instanceof Float64Array) {
    for (let i = 0; i < len; i++) {
      const x = col[i]!;
      if (
        field === "volume"
          ? !(x >= 0 && x < Number.POSITIVE_INFINITY)
          : !(x > 0 && x < Number.POSITIVE_INFINITY)
      )
        check(x, i);
    }
    return col;
  }
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const x = col[i];
    check(x, i);
    out[i] = x as number;
  }
  return out;
}

/** Validates every close and returns them as a Float64Array (no copy for a Float64Array). */
export function toCloses(closes: ArrayLike<number>): Float64Array {
  return toColumn(closes, "close", undefined);
}

/**
 * Validated columns for a spec reading `fields`: closes from a plain series or a `CandleColumns`,
 * the other fields only when read (zero-length otherwise), and the OHLC ordering of every candle.
 */
export function toOhlcv(
  input: ArrayLike<number> | CandleColumns,
  fields: ReadonlySet<CandleField>,
): { readonly ohlcv: Ohlcv; readonly ownsCloses: boolean } {
  const columns = isCandleColumns(input) ? input : undefined;
  const rawClose = columns ? columns.close : (input as ArrayLike<number>);
  const close = toCloses(rawClose);
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
  checkRanges(ohlcv);
  return { ohlcv, ownsCloses: close !== rawClose };
}

/** `INVALID_CANDLE` at the first candle whose low/open/close/high are out of order. */
function checkRanges({ close, open, high, low }: Ohlcv): void {
  const hasOpen = open.length > 0;
  const hasHigh = high.length > 0;
  const hasLow = low.length > 0;
  if (!hasHigh && !hasLow) return;
  const n = close.length;
  for (let i = 0; i < n; i++) {
    const c = close[i]!;
    const o = hasOpen ? open[i]! : c;
    const h = hasHigh ? high[i]! : Number.POSITIVE_INFINITY;
    const l = hasLow ? low[i]! : 0;
    if (l > h || l > c || l > o || h < c || h < o) checkRange(i, c, o, h, l);
  }
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
