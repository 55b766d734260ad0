import { type Candle, type MarketDataSource, requireCandles } from "@mle/market-client";
import type { Progress } from "../render/progress";

/**
 * Fetches `candles` candles for each symbol, one symbol at a time (so progress and the first
 * error are in config order), and requires the full count: a model is trained on exactly the
 * history the config asks for, or not at all.
 *
 * @throws MarketDataError `INSUFFICIENT_DATA` when a symbol has fewer candles, or any source error.
 * @example
 * const bySymbol = await fetchCandles(source, ["AAPL", "MSFT"], 1000, progress);
 */
export async function fetchCandles(
  source: MarketDataSource,
  symbols: readonly string[],
  candles: number,
  progress: Progress,
): Promise<Record<string, Candle[]>> {
  const out: Record<string, Candle[]> = {};
  for (const [i, symbol] of symbols.entries()) {
    progress.step(
      `fetching ${symbol} (${i + 1}/${symbols.length}, ${candles} candles, ${source.kind})`,
    );
    const bars = await source.getCandles(symbol, { limit: candles });
    out[symbol] = requireCandles(bars, candles, symbol);
  }
  return out;
}
