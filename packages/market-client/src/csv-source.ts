import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Candle } from "./candle";
import { parseCandleCsv } from "./csv-parse";
import { ConfigError, InsufficientDataError, SymbolNotFoundError } from "./errors";
import { type MarketDataSource, withPreamble } from "./source";

export interface CsvSourceOptions {
  /** Folder holding one `<SYMBOL>.csv` per symbol (file name matched case-insensitively). */
  dir: string;
}

async function findFile(dir: string, symbol: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    throw new ConfigError("MARKET_DATA_CSV_DIR", `CSV folder "${dir}" cannot be read`, {
      cause: e,
    });
  }
  const wanted = `${symbol}.csv`.toLowerCase();
  const exact = names.find((n) => n === `${symbol}.csv`);
  return exact ?? names.find((n) => n.toLowerCase() === wanted);
}

/**
 * Candles from a folder of CSV files, one per symbol, with a Yahoo-Finance header
 * (`Date,Open,High,Low,Close,Adj Close,Volume`) or a plain one (`timestamp,open,high,low,close,volume`).
 * Files are parsed again only when their size or modification time changes.
 *
 * @example
 * ```ts
 * const source = createCsvSource({ dir: "./data" }); // ./data/AAPL.csv
 * const candles = await source.getCandles("AAPL", { limit: 200 });
 * ```
 */
export function createCsvSource(options: CsvSourceOptions): MarketDataSource {
  const { dir } = options;
  const cache = new Map<string, { stamp: string; candles: Candle[] }>();

  return {
    kind: "csv",
    getCandles: withPreamble(async (sym, limit, signal): Promise<Candle[]> => {
      const name = await findFile(dir, sym);
      if (name === undefined)
        throw new SymbolNotFoundError(sym, `No CSV file for symbol "${sym}" (${sym}.csv)`);
      const path = join(dir, name);
      const info = await stat(path);
      const stamp = `${info.size}:${info.mtimeMs}`;
      let entry = cache.get(path);
      if (entry?.stamp !== stamp) {
        const text = await readFile(path, { encoding: "utf8", ...(signal ? { signal } : {}) });
        entry = { stamp, candles: parseCandleCsv(text, name) };
        cache.set(path, entry);
      }
      if (entry.candles.length === 0) {
        throw new InsufficientDataError(sym, 1, 0, `CSV file ${name} has no candle rows`);
      }
      return entry.candles.slice(-limit);
    }),
  };
}
