import { computeFeatures, type FeatureSpec, validateFeatureSpec } from "@mle/features";
import { DatasetError } from "./errors";
import { mergeRuns, type Run } from "./merge";
import { readCandles } from "./read-candles";
import type { ColumnarSeries, Dataset, PriceSeries, SymbolStats } from "./types";

/**
 * Builds a labeled, columnar dataset from candles of one or more symbols.
 *
 * For each symbol, features are computed over its closes (`@mle/features`, which only looks
 * back), and candle `t` becomes a row when every feature is defined at `t` and `t + 1` exists;
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
  spec: FeatureSpec,
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
  const runs: Run[] = [];
  const closesBySymbol: Float64Array[] = [];
  const columnsBySymbol: Float64Array[][] = [];
  const offsets: number[] = [];

  for (const symbol of symbols) {
    const series = readCandles(symbol, candlesBySymbol[symbol]!);
    const n = series.closes.length;
    const table = computeFeatures(series.closes, validSpec);
    const offset = table.offset;
    const kept = Math.max(0, n - 1 - offset);
    if (kept === 0) {
      throw new DatasetError(
        "INSUFFICIENT_DATA",
        `${symbol} has ${n} candles; lookback ${validSpec.lookback} with [${columns.join(", ")}] needs at least ${offset + 2} for one labeled row`,
        { symbol },
      );
    }
    perSymbol[symbol] = { candles: n, kept, droppedWarmup: offset, droppedNoLabel: 1 };
    runs.push({ timestamps: series.timestamps, start: offset, end: n - 1 });
    closesBySymbol.push(series.closes);
    columnsBySymbol.push(columns.map((c) => table.values[c]));
    offsets.push(offset);
  }

  // One symbol needs no merge: its rows are already in time order.
  const order = runs.length === 1 ? null : mergeRuns(runs);
  const first = runs[0]!.start;
  const rows = order === null ? runs[0]!.end - first : order.run.length;
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  const timestamps = new Float64Array(rows);
  const symbolIds = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) {
    const s = order === null ? 0 : order.run[r]!;
    const t = order === null ? first + r : order.local[r]!;
    const closes = closesBySymbol[s]!;
    const values = columnsBySymbol[s]!;
    const f = t - offsets[s]!;
    const o = r * cols;
    for (let j = 0; j < cols; j++) X[o + j] = values[j]![f]!;
    y[r] = closes[t + 1]! / closes[t]! - 1;
    timestamps[r] = runs[s]!.timestamps[t]!;
    symbolIds[r] = s;
  }
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
