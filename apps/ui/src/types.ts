/**
 * The shapes the UI reads from the public HTTP API. Fields added by later API versions are
 * optional: the UI shows what a server has and leaves out what it lacks.
 */
export interface KeyMetrics {
  readonly rmse: number | null;
  readonly r2: number | null;
  readonly directional_accuracy: number | null;
}

export interface RegisteredModel {
  readonly name: string;
  readonly version_count: number;
  readonly latest_version: string | null;
  readonly aliases: Readonly<Record<string, string>>;
}

export interface VersionEntry {
  readonly version: string;
  readonly created_at: string | null;
  readonly status: "ok" | "corrupt";
  readonly problem?: string;
  readonly is_active: boolean;
  readonly metrics: KeyMetrics | null;
  readonly aliases?: readonly string[];
  readonly kind?: string;
}

export interface VersionList {
  readonly active_version: string | null;
  readonly models: readonly VersionEntry[];
}

export interface VersionDetails {
  readonly version: string;
  readonly created_at: string | null;
  readonly status: "ok" | "corrupt";
  readonly problem?: string;
  readonly is_active: boolean;
  readonly metadata: Record<string, unknown> | null;
  readonly metrics: unknown;
  readonly key_metrics: KeyMetrics | null;
  readonly feature_columns: unknown;
  readonly dataset_summary: unknown;
  readonly kind?: string;
  readonly hyperparameters?: Record<string, unknown>;
  readonly evaluation?: unknown;
  readonly aliases?: readonly string[];
}

/**
 * `GET /model/{version}/predictions` (`predictions.json`, written by training): out-of-sample
 * predictions stored with the version, one entry per row, as columns. `fold` is the walk-forward
 * fold (0-based) or -1 for the final validation range.
 */
export interface Predictions {
  readonly format: string;
  readonly level: number;
  readonly interval_method?: string;
  readonly symbols: readonly string[];
  /** Epoch seconds. */
  readonly timestamps: readonly number[];
  readonly symbol: readonly number[];
  readonly fold: readonly number[];
  readonly actual: readonly number[];
  readonly predicted: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

export interface HistoryEntry {
  readonly seq: number;
  readonly alias: string;
  readonly from: string | null;
  readonly to: string;
  readonly at: string;
  readonly by?: string | null;
  readonly reason?: string | null;
  readonly hash?: string;
  readonly prev_hash?: string | null;
}

export interface AliasMove {
  readonly alias: string;
  readonly from: string | null;
  readonly to: string;
}
