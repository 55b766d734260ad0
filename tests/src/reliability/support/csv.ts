import type { Candle } from "@mle/market-client";

/** Candles as a CSV file with the plain header the CSV source reads. */
export function candlesCsv(candles: readonly Candle[]): string {
  const rows = candles.map(
    (c) => `${c.timestamp},${c.open},${c.high},${c.low},${c.close},${c.volume}`,
  );
  return `timestamp,open,high,low,close,volume\n${rows.join("\n")}\n`;
}
