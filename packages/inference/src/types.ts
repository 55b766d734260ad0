import type { MarketDataSource } from "@mle/market-client";
import type { Registry } from "@mle/registry";
import type { PredictionInterval } from "./confidence";
import type { ItemError } from "./item-error";
import type { ModelSnapshot } from "./snapshot";

/** Options of `createPredictor`. */
export interface PredictorOptions {
  readonly registry: Registry;
  readonly source: MarketDataSource;
  /** How long a computed feature vector is reused, per symbol and spec (default 2000; 0 disables). */
  readonly cacheTtlMs?: number;
  /** Milliseconds clock for the cache and the reload check (default `Date.now`). */
  readonly clock?: () => number;
  /** The active pointer is re-checked at most this often (default 250; 0 checks on every request). */
  readonly reloadCheckMs?: number;
  /** Loaded model versions kept in memory, least recently used evicted (default 8). */
  readonly maxModels?: number;
  /** Feature vectors kept in the cache at once (default 1024). */
  readonly maxCacheEntries?: number;
  /**
   * Cold upstream fetches running at once per predictor (default 16); more wait their turn, so a
   * batch of new symbols or a stream of distinct unknown ones cannot fan out without bound.
   */
  readonly maxConcurrentFetches?: number;
  /** Symbols of one batch predicted at once (default 8). */
  readonly batchConcurrency?: number;
  /**
   * Extra candles fetched beyond the model's warm-up + 1. Default: 0, or 20 × lookback (at most
   * 5000) when the model uses a recursive feature (ema, rsi) so the recursion has converged.
   */
  readonly extraHistory?: number;
  /** See `ModelStoreOptions.reloadMode`: `background` for remote registries (S3). Default `inline`. */
  readonly reloadMode?: "inline" | "background";
}

/** Options of one prediction. */
export interface PredictOptions {
  /** `vN` for a specific version, an alias name (`champion`), `"active"` or undefined for the active model. */
  readonly version?: string;
  /** Rejects this call when aborted; a fetch shared with other callers keeps running. */
  readonly signal?: AbortSignal;
}

/** One prediction of the next simple return of a symbol. */
export interface Prediction {
  readonly symbol: string;
  /** Predicted next-period simple return. */
  readonly prediction: number;
  /** Probability in [0, 1] that the realised return has the predicted sign (see README). */
  readonly confidence: number;
  readonly model_version: string;
  /** Feature values of the latest candle: the model's columns plus any missing default column. */
  readonly features: Readonly<Record<string, number>>;
  /** Timestamp of the latest candle used. */
  readonly timestamp: string;
  readonly prediction_interval: PredictionInterval;
}

/** One item of a batch answer. */
export type BatchItem =
  | { readonly symbol: string; readonly ok: true; readonly result: Prediction }
  | { readonly symbol: string; readonly ok: false; readonly error: ItemError };

/** Readiness for orchestrators: ready only when the registry's active model is loaded and verified. */
export interface Readiness {
  readonly ready: boolean;
  /** The version answering requests (the last good one when the registry is damaged), or null. */
  readonly version: string | null;
  /** Why not ready. */
  readonly reason?: string;
  /** The InferenceError code behind `reason`. */
  readonly code?: string;
}

/** Monotonic counters for metrics. */
export interface PredictorStats {
  readonly cache: { readonly hits: number; readonly misses: number; readonly fetches: number };
  readonly predictionsByVersion: Readonly<Record<string, number>>;
  /** The version that currently answers requests without a version, or null. */
  readonly servingVersion: string | null;
}

export interface Predictor {
  predict(symbol: string, options?: PredictOptions): Promise<Prediction>;
  /**
   * Predicts for many symbols with one model snapshot: symbols are normalised and deduplicated
   * (first occurrence order), fetches are shared, at most `batchConcurrency` run at once. A bad
   * symbol yields an error item; a model failure (e.g. NO_ACTIVE_MODEL) rejects the whole call.
   */
  predictBatch(symbols: readonly string[], options?: PredictOptions): Promise<BatchItem[]>;
  /**
   * The served model (active, or `version`) for callers that bring feature rows: its columns and
   * a row predictor bound to that one model. Same errors as `predict` for the model part.
   */
  snapshot(options?: Pick<PredictOptions, "version">): Promise<ModelSnapshot>;
  readiness(): Promise<Readiness>;
  stats(): PredictorStats;
  close(): void;
}
