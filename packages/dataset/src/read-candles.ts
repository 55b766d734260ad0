import { DatasetError } from "./errors";
import { parseTimestamp } from "./timestamp";
import type { ColumnarSeries, PriceSeries } from "./types";

/** One symbol's candles as typed arrays, validated. */
export interface SymbolSeries {
  readonly closes: Float64Array;
  readonly timestamps: Float64Array;
}

/**
 * Copies a symbol's candles into typed arrays, checking every close (finite, > 0) and that
 * timestamps parse and strictly increase.
 *
 * @throws DatasetError `INVALID_INPUT`, `INVALID_CANDLE`, `UNSORTED_INPUT`
 */
export function readCandles(
  symbol: string,
  candles: readonly PriceSeries[] | ColumnarSeries,
): SymbolSeries {
  if (!Array.isArray(candles)) {
    if (typeof candles === "object" && candles !== null && "closes" in candles) {
      return readColumns(symbol, candles as ColumnarSeries);
    }
    throw new DatasetError(
      "INVALID_INPUT",
      `candles of ${symbol} must be an array of candles or { timestamps, closes } columns`,
      { symbol },
    );
  }
  const n = candles.length;
  const closes = new Float64Array(n);
  const timestamps = new Float64Array(n);
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const c = candles[i] as PriceSeries | undefined;
    if (typeof c !== "object" || c === null) {
      throw new DatasetError("INVALID_CANDLE", `${symbol}[${i}] is not a candle object`, {
        symbol,
        index: i,
      });
    }
    const close = c.close;
    if (typeof close !== "number" || !Number.isFinite(close) || close <= 0) {
      throw new DatasetError(
        "INVALID_CANDLE",
        `${symbol}[${i}].close must be a finite number > 0, got ${String(close)}`,
        { symbol, index: i },
      );
    }
    const t = typeof c.timestamp === "string" ? parseTimestamp(c.timestamp) : Number.NaN;
    if (Number.isNaN(t)) {
      throw new DatasetError(
        "INVALID_CANDLE",
        `${symbol}[${i}].timestamp is not an ISO-8601 timestamp: ${String(c.timestamp)}`,
        { symbol, index: i },
      );
    }
    if (t <= previous) {
      throw new DatasetError(
        "UNSORTED_INPUT",
        `${symbol}[${i}].timestamp ${c.timestamp} is not later than the candle before it; candles must be oldest first with distinct timestamps`,
        { symbol, index: i },
      );
    }
    previous = t;
    closes[i] = close;
    timestamps[i] = t;
  }
  return { closes, timestamps };
}

function badClose(symbol: string, i: number, close: unknown): DatasetError {
  return new DatasetError(
    "INVALID_CANDLE",
    `${symbol}[${i}].close must be a finite number > 0, got ${String(close)}`,
    { symbol, index: i },
  );
}

/** The columnar input: epoch-ms timestamps and closes, copied and checked like candles. */
function readColumns(symbol: string, series: ColumnarSeries): SymbolSeries {
  const { closes: c, timestamps: ts } = series;
  if (
    typeof c !== "object" ||
    c === null ||
    typeof ts !== "object" ||
    ts === null ||
    typeof c.length !== "number" ||
    c.length !== ts.length
  ) {
    throw new DatasetError(
      "INVALID_INPUT",
      `columns of ${symbol} must be array-likes of equal length: timestamps (epoch ms) and closes`,
      { symbol },
    );
  }
  const n = c.length;
  // Float64Array input is only read, never written: use it as is instead of copying.
  const closes = c instanceof Float64Array ? c : new Float64Array(n);
  const timestamps = ts instanceof Float64Array ? ts : new Float64Array(n);
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const close = c[i]!;
    // Written so NaN fails too.
    if (!(close > 0 && close < Number.POSITIVE_INFINITY)) throw badClose(symbol, i, close);
    const t = ts[i]!;
    if (!Number.isFinite(t)) {
      throw new DatasetError(
        "INVALID_CANDLE",
        `${symbol}.timestamps[${i}] must be finite epoch milliseconds, got ${String(t)}`,
        { symbol, index: i },
      );
    }
    if (t <= previous) {
      throw new DatasetError(
        "UNSORTED_INPUT",
        `${symbol}.timestamps[${i}] is not later than the one before it; rows must be oldest first with distinct timestamps`,
        { symbol, index: i },
      );
    }
    previous = t;
    if (closes !== c) closes[i] = close;
    if (timestamps !== ts) timestamps[i] = t;
  }
  return { closes, timestamps };
}
