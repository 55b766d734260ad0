import { DatasetError } from "./errors";
import { parseTimestamp } from "./timestamp";
import type { PriceSeries } from "./types";

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
export function readCandles(symbol: string, candles: readonly PriceSeries[]): SymbolSeries {
  if (!Array.isArray(candles)) {
    throw new DatasetError("INVALID_INPUT", `candles of ${symbol} must be an array`, { symbol });
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
