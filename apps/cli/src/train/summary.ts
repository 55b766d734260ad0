import type { EvaluationReport } from "@mle/trainer";

/** Regression metrics as the trainer reports them. */
export interface MetricsLike {
  readonly rmse: number;
  readonly mae: number;
  readonly r2: number;
  readonly directional_accuracy: number;
  readonly n: number;
}

/**
 * What `mle train` reports at the end: the table on a terminal, the same object with `--json`.
 */
export interface TrainSummary {
  readonly version: string;
  /** Where the saved version is (its folder on the filesystem backend). */
  readonly path: string;
  /** The registry location it was saved into (an absolute path, `file://…` or `s3://…`). */
  readonly registry: string;
  /** The model of the registry it was saved into. */
  readonly model: string;
  /** Whether this run moved the active pointer to the new version. */
  readonly activated: boolean;
  /** `--require-skill` kept the new version from becoming active (no evidence of skill). */
  readonly activation_refused: boolean;
  /** The active version after the run (may be an older one when not activated). */
  readonly active_version: string | null;
  /** The model kind (`ridge`, `gbdt`, ...). */
  readonly model_type: string;
  /** The kind's resolved hyperparameters, as stored in model.json. */
  readonly hyperparameters: Readonly<Record<string, number | string | boolean>>;
  readonly lookback: number;
  readonly features: readonly string[];
  readonly symbols: readonly string[];
  readonly data_source: string;
  readonly rows: { readonly total: number; readonly train: number; readonly validation: number };
  readonly cut_timestamp: string;
  readonly validation: {
    readonly model: MetricsLike;
    readonly baseline_zero: MetricsLike;
    readonly baseline_mean: MetricsLike;
  };
  readonly cv: { readonly folds: number; readonly mean: MetricsLike; readonly std: MetricsLike };
  readonly dataset_hash: string;
  readonly duration_ms: number;
  /** The verdict line: skill over the zero forecast or not, with the p-values it rests on. */
  readonly verdict: string;
  /** The version's `evaluation.json`. */
  readonly evaluation: EvaluationReport;
}
