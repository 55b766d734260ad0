import type { Candle } from "./candle";

/** Options of {@link MarketDataSource.getCandles}. */
export interface GetCandlesOptions {
  /** Maximum number of candles; the most recent ones are returned. A positive integer. */
  limit: number;
  /** Abort the request; the promise then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/** Where candles come from. Every implementation returns candles oldest first, at most `limit`, the most recent ones. */
export interface MarketDataSource {
  readonly kind: "sample" | "csv" | "http" | (string & {});
  getCandles(symbol: string, options: GetCandlesOptions): Promise<Candle[]>;
}

/** Throws a `RangeError` unless `limit` is a positive safe integer (a programming error, not user input). */
export function assertLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${String(limit)}`);
  }
}
