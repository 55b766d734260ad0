import {
  type FeatureSpec,
  type FeatureSpecInput,
  fieldsRead,
  validateFeatureSpec,
  warmupLength,
} from "@mle/features";
import { DatasetError } from "./errors";
import { featureColumns } from "./feature-columns";
import { mergeBlocks, type Run } from "./merge";
import { readCandles } from "./read-candles";
import { readOhlv } from "./read-ohlcv";
import { timeAligned } from "./time-aligned";
import type { ColumnarSeries, Dataset, PriceSeries, SymbolStats } from "./types";
import { type RowSink, type SymbolSource, writeRow, writeRows } from "./write-rows";

/**
 * Builds a labeled, columnar dataset from candles of one or more symbols.
 *
 * For each symbol, features are computed over its candles (`@mle/features`, which only looks
 * back; open/high/low/volume are read only when a column needs them, e.g. `atr_14`, `vwap_20`), and candle `t` becomes a row when every feature is defined at `t` and `t + 1` exists;
 * its target is `close[t+1] / close[t] - 1`. Warm-up candles and the last candle are dropped and
 * counted in `stats.perSymbol`, never filled. Rows of all symbols are pooled in
 * (timestamp, symbol) order, symbols sorted by code unit, so a row cut is a cut in time.
 *
 * A symbol's value is an array of candles (`{ timestamp: ISO string, close }`, oldest first) or,
 * for large inputs, columns `{ timestamps: epoch ms[], closes: number[] }` (typed arrays welcome):
 * same checks, same result, no per-candle objects to read.
 *
 * @throws DatasetError `INVALID_INPUT` (not a record, no symbol), `INVALID_CANDLE`,
 * `UNSORTED_INPUT`, `INSUFFICIENT_DATA` (a symbol yields no row); FeatureError from
 * `validateFeatureSpec` for a bad spec (`INVALID_LOOKBACK`, `UNKNOWN_FEATURE`, `INVALID_SPEC`).
 *
 * @example
 * ```ts
 * const ds = buildDataset({ AAPL: candles }, { lookback: 20, features: ["close", "simple_return"] });
 * ds.X[i * ds.cols + 1]; // simple_return of row i
 * ```
 */
export function buildDataset(
  candlesBySymbol: Readonly<Record<string, readonly PriceSeries[] | ColumnarSeries>>,
  spec: FeatureSpecInput | FeatureSpec,
): Dataset {
  const validSpec = validateFeatureSpec(spec);
  if (
    typeof candlesBySymbol !== "object" ||
    candlesBySymbol === null ||
    Array.isArray(candlesBySymbol)
  ) {
    throw new DatasetError(
      "INVALID_INPUT",
      "candlesBySymbol must be a record of symbol -> candles",
    );
  }
  const symbols = Object.keys(candlesBySymbol).sort();
  if (symbols.length === 0) {
    throw new DatasetError("INVALID_INPUT", "candlesBySymbol holds no symbol");
  }
  const columns = validSpec.features;
  const cols = columns.length;
  const perSymbol: Record<string, SymbolStats> = {};
  const sources: SymbolSource[] = [];
  const runs: Run[] = [];
  let rows = 0;
  const offset = warmupLength(validSpec);
  const fields = fieldsRead(validSpec);
  let scratch = new Float64Array(0); // simple returns, reused across symbols (grown as needed)
  for (let id = 0; id < symbols.length; id++) {
    const symbol = symbols[id]!;
    const input = candlesBySymbol[symbol]!;
    const series = readCandles(symbol, input);
    const n = series.closes.length;
    const kept = Math.max(0, n - 1 - offset);
    if (kept === 0) {
      throw new DatasetError(
        "INSUFFICIENT_DATA",
        `${symbol} has ${n} candles; ${validSpec.lookback === undefined ? "" : `lookback ${validSpec.lookback} with `}[${columns.join(", ")}] needs at least ${offset + 2} for one labeled row`,
        { symbol },
      );
    }
    perSymbol[symbol] = { candles: n, kept, droppedWarmup: offset, droppedNoLabel: 1 };
    if (scratch.length < n) scratch = new Float64Array(n);
    const ohlv = readOhlv(symbol, input, fields, n);
    sources.push({
      id,
      closes: series.closes,
      timestamps: series.timestamps,
      columns: featureColumns(symbol, series.closes, ohlv, validSpec, offset, scratch),
      offset,
    });
    runs.push({ timestamps: series.timestamps, start: offset, end: n - 1 });
    rows += kept;
  }

  const sink: RowSink = {
    cols,
    X: new Float64Array(rows * cols),
    y: new Float64Array(rows),
    timestamps: new Float64Array(rows),
    symbolIds: new Uint32Array(rows),
  };
  const k = sources.length;
  if (k === 1) {
    // One symbol: its rows are already in time order.
    writeRows(sink, sources[0]!, runs[0]!.start, rows, 0, 1);
  } else if (timeAligned(runs)) {
    // Same timestamps for every symbol: row (i, s) is i * k + s, no merge needed.
    for (let s = 0; s < k; s++) writeRows(sink, sources[s]!, runs[s]!.start, rows / k, s, k);
  } else {
    const { length, run, start, count } = mergeBlocks(runs);
    for (let b = 0, row = 0; b < length; b++) {
      const c = count[b]!;
      const src = sources[run[b]!]!;
      if (c === 1) writeRow(sink, src, start[b]!, row);
      else writeRows(sink, src, start[b]!, c, row, 1);
      row += c;
    }
  }
  const { X, y, timestamps, symbolIds } = sink;
  return {
    spec: validSpec,
    featureColumns: [...columns],
    rows,
    cols,
    X,
    y,
    timestamps,
    symbolIds,
    symbols,
    stats: { perSymbol },
  };
}
