import type { HashedFile } from "./constants";
import type { RegistryStore } from "./store";

/** What a trainer hands to {@link Registry.save}. Every value must be JSON-serialisable. */
export interface SaveArtifacts {
  readonly model: unknown;
  /** Caller metadata; the registry adds `version`, `created_at` and `artifacts` (overriding keys of those names). */
  readonly metadata: Record<string, unknown>;
  readonly metrics: unknown;
  readonly featureColumns: unknown;
  readonly datasetSummary: unknown;
}

export interface SaveOptions {
  /** Point the active pointer at the new version once it is published (default false). */
  readonly activate?: boolean;
}

export interface SaveResult {
  readonly version: string;
  /** Location of the version folder (an absolute path for the filesystem store). */
  readonly path: string;
}

export interface ArtifactDigest {
  readonly sha256: string;
  readonly bytes: number;
}

/** metadata.json as written by the registry: caller fields plus these. */
export interface ModelMetadata {
  readonly version: string;
  readonly created_at: string;
  readonly artifacts: Readonly<Record<HashedFile, ArtifactDigest>>;
  readonly [key: string]: unknown;
}

/** Key validation metrics, read from `metrics.json` `validation.model`; null when absent. */
export interface EntryMetrics {
  readonly rmse: number | null;
  readonly r2: number | null;
  readonly directional_accuracy: number | null;
}

export interface ModelEntry {
  readonly version: string;
  /** From metadata.json; null when metadata is unreadable. */
  readonly created_at: string | null;
  readonly status: "ok" | "corrupt";
  /** Why the version is corrupt, naming the file (e.g. `model.json: sha256 mismatch`). */
  readonly problem?: string;
  readonly is_active: boolean;
  /** Present when metrics.json has a `validation.model` object. */
  readonly metrics?: EntryMetrics;
}

/**
 * {@link Registry.get}: the entry plus parsed file contents (null where a file is unreadable).
 * Here `metrics` is the whole metrics.json; the entry's key metrics are in `key_metrics`.
 */
export interface ModelDetails extends Omit<ModelEntry, "metrics"> {
  readonly key_metrics?: EntryMetrics;
  readonly metadata: Record<string, unknown> | null;
  readonly metrics: unknown;
  readonly featureColumns: unknown;
  readonly datasetSummary: unknown;
}

/** {@link Registry.load}: every artifact verified against metadata's sha256 and size. */
export interface LoadedArtifacts {
  readonly version: string;
  readonly model: unknown;
  readonly metadata: ModelMetadata;
  readonly metrics: unknown;
  readonly featureColumns: unknown;
  readonly datasetSummary: unknown;
}

export interface PruneOptions {
  /** How many of the newest versions to keep (integer >= 1). The active version is always kept too. */
  readonly keep: number;
}

export interface RegistryOptions {
  /** Registry folder; relative paths resolve against the current working directory. */
  readonly dir: string;
  /** Storage backend; defaults to the filesystem store on `dir`. */
  readonly store?: RegistryStore;
  /** Clock for `created_at` (default: the system clock). */
  readonly clock?: () => Date;
  /** Temporary entries younger than this are left alone by cleanup (default 10 minutes). */
  readonly tempGraceMs?: number;
  /** Wall clock in ms used to age temporary entries against their mtime (default Date.now). */
  readonly now?: () => number;
}

export interface Registry {
  readonly dir: string;
  save(artifacts: SaveArtifacts, options?: SaveOptions): Promise<SaveResult>;
  list(): Promise<ModelEntry[]>;
  get(version: string): Promise<ModelDetails>;
  load(version: string): Promise<LoadedArtifacts>;
  getActive(): Promise<string | null>;
  activate(version: string): Promise<void>;
  prune(options: PruneOptions): Promise<string[]>;
  activeStamp(): Promise<string | null>;
}
