/**
 * The shapes the UI reads from the public HTTP API. Fields added by later API versions are
 * optional: the UI shows what a server has and leaves out what it lacks.
 */
export interface KeyMetrics {
  readonly rmse: number | null;
  readonly r2: number | null;
  readonly directional_accuracy: number | null;
}

/** One alias of a model (`GET /registry/models`); `version` is null when its pointer is unreadable. */
export interface AliasInfo {
  readonly alias: string;
  readonly version: string | null;
  readonly activated_at: string | null;
  readonly problem?: string;
}

/** One entry of `GET /registry/models`. */
export interface RegisteredModel {
  readonly name: string;
  readonly version_count: number;
  readonly latest_version: string | null;
  readonly aliases: readonly AliasInfo[];
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
 * `GET /model/{version}/predictions`: the trainer's `predictions.json`, served as stored. The
 * trainer owns the shape; this is a type-only import, nothing of the trainer is bundled.
 */
export type { PredictionsArtifact as Predictions } from "@mle/trainer";

/**
 * One alias move (`GET /registry/models/{model}/history`, and the answer of a move or rollback):
 * the registry's entry, served as stored (a type-only import).
 */
import type { HistoryEntry } from "@mle/registry";

export type { HistoryEntry };

/** What a move or rollback answers: the history entry it appended. */
export type AliasMove = HistoryEntry;
