/**
 * A plain-header candle CSV with `n` daily rows from 2024-01-01 and a gently oscillating close.
 *
 * @example
 * await writeFile("AAPL.csv", candleCsv(100));
 */
export function candleCsv(n: number): string {
  const lines = ["timestamp,open,high,low,close,volume"];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const close = 100 + 5 * Math.sin(i / 7) + i * 0.01;
    lines.push(`${day},${close},${close + 1},${close - 1},${close},${1000 + i}`);
  }
  return `${lines.join("\n")}\n`;
}
