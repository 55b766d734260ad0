import { featureSpecJSON } from "@mle/features";
import { datasetHash } from "./hash";
import { formatTimestamp } from "./timestamp";
import type { Dataset } from "./types";

/** Mean, sample standard deviation (ddof 1; 0 for one row), min and max of one column. */
export interface ColumnStats {
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/** Plain-data description of a dataset (written as `dataset_summary.json`). */
export interface DatasetSummary {
  readonly rows: number;
  readonly cols: number;
  readonly spec: { readonly lookback?: number; readonly features: readonly string[] };
  readonly feature_columns: readonly string[];
  readonly symbols: readonly string[];
  readonly per_symbol: Record<
    string,
    { candles: number; kept: number; dropped_warmup: number; dropped_no_label: number }
  >;
  readonly dropped: { readonly warmup: number; readonly no_label: number };
  /** ISO timestamps of the earliest and latest row. */
  readonly date_range: { readonly start: string; readonly end: string };
  readonly features: Record<string, ColumnStats>;
  readonly target: ColumnStats;
  /** `datasetHash(ds)`: SHA-256 hex of X, y, timestamps, symbol ids and the names. */
  readonly content_hash: string;
}

function columnStats(values: Float64Array, offset: number, stride: number, n: number): ColumnStats {
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0, p = offset; i < n; i++, p += stride) {
    const v = values[p]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0, p = offset; i < n; i++, p += stride) ss += (values[p]! - mean) ** 2;
  return {
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    min: n > 0 ? min : 0,
    max: n > 0 ? max : 0,
  };
}

/**
 * Summarizes a dataset: rows kept and dropped per symbol, date range, per-feature and target
 * statistics (two passes per column) and the content hash. Plain JSON-ready data.
 *
 * @example
 * ```ts
 * const s = summarizeDataset(ds);
 * console.log(s.rows, s.date_range.start, s.content_hash);
 * ```
 */
export function summarizeDataset(ds: Dataset): DatasetSummary {
  const perSymbol: DatasetSummary["per_symbol"] = {};
  let warmup = 0;
  let noLabel = 0;
  for (const symbol of ds.symbols) {
    const s = ds.stats.perSymbol[symbol];
    if (s === undefined) continue;
    perSymbol[symbol] = {
      candles: s.candles,
      kept: s.kept,
      dropped_warmup: s.droppedWarmup,
      dropped_no_label: s.droppedNoLabel,
    };
    warmup += s.droppedWarmup;
    noLabel += s.droppedNoLabel;
  }
  const features: Record<string, ColumnStats> = {};
  ds.featureColumns.forEach((name, j) => {
    features[name] = columnStats(ds.X, j, ds.cols, ds.rows);
  });
  const first = ds.rows > 0 ? formatTimestamp(ds.timestamps[0]!) : "";
  const last = ds.rows > 0 ? formatTimestamp(ds.timestamps[ds.rows - 1]!) : "";
  return {
    rows: ds.rows,
    cols: ds.cols,
    spec: featureSpecJSON(ds.spec),
    feature_columns: [...ds.featureColumns],
    symbols: [...ds.symbols],
    per_symbol: perSymbol,
    dropped: { warmup, no_label: noLabel },
    date_range: { start: first, end: last },
    features,
    target: columnStats(ds.y, 0, 1, ds.rows),
    content_hash: datasetHash(ds),
  };
}
