import type { Candle } from "./candle";
import { type MarketSymbol, normalizeSymbol } from "./symbol";

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

/** What differs between sources: the fetch itself, given a validated symbol and a checked limit. */
export type FetchCandles = (
  symbol: MarketSymbol,
  limit: number,
  signal: AbortSignal | undefined,
) => Promise<Candle[]>;

/**
 * The one preamble of every source's `getCandles`: reject when already aborted, validate and
 * upper-case the symbol (INVALID_SYMBOL), check the limit; then `fetch`. Errors reject the promise,
 * as from an async function, without an extra await on the fetch.
 *
 * @example
 * ```ts
 * const source: MarketDataSource = { kind: "memory", getCandles: withPreamble(async (sym, limit) => rows(sym).slice(-limit)) };
 * ```
 */
export function withPreamble(fetch: FetchCandles): MarketDataSource["getCandles"] {
  return (symbol, { limit, signal }) => {
    try {
      signal?.throwIfAborted();
      const sym = normalizeSymbol(symbol);
      assertLimit(limit);
      return fetch(sym, limit, signal);
    } catch (e) {
      return Promise.reject(e);
    }
  };
}
