import type { Candle } from "./candle";
import { InsufficientDataError } from "./errors";

/**
 * Returns `candles` when there are at least `needed` of them.
 *
 * @throws InsufficientDataError (code `INSUFFICIENT_DATA`) otherwise.
 * @example
 * ```ts
 * const bars = requireCandles(await source.getCandles("AAPL", { limit: 60 }), 21, "AAPL");
 * ```
 */
export function requireCandles(candles: Candle[], needed: number, symbol: string): Candle[] {
  if (candles.length < needed) throw new InsufficientDataError(symbol, needed, candles.length);
  return candles;
}
