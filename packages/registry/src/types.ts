import type { BackendKind, RegistryBackend } from "./backend";
import type { HashedFile } from "./constants";
import type { RegistryStore } from "./fs/store";
import type { HistoryEntry } from "./history";
import type { ContentChecks } from "./inspect";

/** What a trainer hands to {@link Registry.save}. Every value must be JSON-serialisable. */
export interface SaveArtifacts {
  readonly model: unknown;
  /** Caller metadata; the registry adds `version`, `created_at` and `artifacts` (overriding keys of those names). */
  readonly metadata: Record<string, unknown>;
  readonly metrics: unknown;
  readonly featureColumns: unknown;
  readonly datasetSummary: unknown;
  /**
   * Extra JSON artifacts stored, hashed and verified with the version (`evaluation.json`,
   * `predictions.json`): lowercase names ending in `.json`, at most 16.
   */
  readonly files?: Readonly<Record<string, unknown>>;
}

/** Who moves an alias and why; recorded in the alias history. */
export interface MoveOptions {
  /** Recorded as `who` (default: `user@host` of this process). */
  readonly who?: string;
  readonly reason?: string;
}

export interface SaveOptions extends MoveOptions {
  /** Point the `active` alias at the new version once it is published (default false). */
  readonly activate?: boolean;
  /** Point these aliases at the new version once it is published. */
  readonly aliases?: readonly string[];
}

export interface AliasOptions extends MoveOptions {
  /** Apply only if the alias still points at this version (null: only if it is not set). */
  readonly expect?: string | null;
}

/** One alias of a model. */
export interface AliasInfo {
  readonly alias: string;
  /** The version it points at; null when its pointer is unreadable (`problem` says why). */
  readonly version: string | null;
  readonly activated_at: string | null;
  readonly problem?: string;
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
  readonly artifacts: Readonly<Record<HashedFile, ArtifactDigest>> &
    Readonly<Record<string, ArtifactDigest>>;
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
  /** Every alias pointing at this version (`active` included). */
  readonly aliases: readonly string[];
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
  /** Extra artifacts (`evaluation.json`, ...), parsed; null where unreadable. */
  readonly files: Readonly<Record<string, unknown>>;
}

/** {@link Registry.load}: every artifact verified against metadata's sha256 and size. */
export interface LoadedArtifacts {
  readonly version: string;
  readonly model: unknown;
  readonly metadata: ModelMetadata;
  readonly metrics: unknown;
  readonly featureColumns: unknown;
  readonly datasetSummary: unknown;
  /** Extra artifacts (`evaluation.json`, ...), verified and parsed. */
  readonly files: Readonly<Record<string, unknown>>;
}

export interface PruneOptions {
  /** How many of the newest versions to keep (integer >= 1). The active version is always kept too. */
  readonly keep: number;
}

/** Options shared by {@link RegistryOptions} and `openRegistry`. */
export interface RegistryClockOptions {
  /** Clock for `created_at` (default: the system clock). */
  readonly clock?: () => Date;
  /** Temporary entries younger than this are left alone by cleanup (default 10 minutes). */
  readonly tempGraceMs?: number;
  /** Wall clock in ms used to age temporary entries against their mtime (default Date.now). */
  readonly now?: () => number;
  /** Recorded as `who` of alias moves when a call names none (default `user@host`). */
  readonly who?: string;
  /**
   * Content checks by artifact file name beyond the hash (e.g. `model.json` through the trainer's
   * parser): a version failing one is corrupt, with the reason, never loaded or aliased.
   */
  readonly contentChecks?: ContentChecks;
}

export interface RegistryOptions extends RegistryClockOptions {
  /** Registry folder; relative paths resolve against the current working directory. */
  readonly dir: string;
  /** Storage of the root folder (the `default` model); defaults to the filesystem store on `dir`. */
  readonly store?: RegistryStore;
  /** The model this registry handle addresses (default `default`). */
  readonly model?: string;
}

/**
 * One model of a registry: its versions, aliases and alias history. Every method taking a
 * `ref` accepts a version (`v3`) or an alias name (`champion`, `active`).
 */
export interface Registry {
  /** Where the registry lives, for humans (a folder, or `s3://bucket/prefix`). */
  readonly dir: string;
  readonly location: string;
  readonly backend: BackendKind;
  /** The model this handle addresses. */
  readonly model: string;
  save(artifacts: SaveArtifacts, options?: SaveOptions): Promise<SaveResult>;
  list(): Promise<ModelEntry[]>;
  get(ref: string): Promise<ModelDetails>;
  /**
   * The verified artifacts. `files` names the extra artifacts to read (default all): a server
   * that needs only `evaluation.json` does not read and hash a large `predictions.json`.
   */
  load(ref: string, options?: { readonly files?: readonly string[] }): Promise<LoadedArtifacts>;
  /** The version an alias or version name designates; throws MODEL_NOT_FOUND / ALIAS_NOT_FOUND. */
  resolve(ref: string): Promise<string>;
  /** The version `active` points at, or null. Throws MODEL_CORRUPT for an unreadable pointer. */
  getActive(): Promise<string | null>;
  /** Like getActive, but null for an unreadable pointer too (listings that must work to repair it). */
  activeOrNull(): Promise<string | null>;
  /** Moves `active` to `version` (which must exist and verify). */
  activate(version: string, options?: MoveOptions): Promise<HistoryEntry>;
  aliases(): Promise<AliasInfo[]>;
  /** The version `alias` points at, or null when it is not set. */
  getAlias(alias: string): Promise<string | null>;
  /** Moves `alias` to `version` (a version or another alias), refusing unknown or corrupt versions. */
  setAlias(alias: string, version: string, options?: AliasOptions): Promise<HistoryEntry>;
  /** The alias history, oldest first: one alias, or every alias of the model merged by time. */
  history(options?: { readonly alias?: string }): Promise<HistoryEntry[]>;
  /** Moves `alias` (default `active`) back to the version it pointed at before its last move. */
  rollback(options?: { readonly alias?: string } & MoveOptions): Promise<HistoryEntry>;
  prune(options: PruneOptions): Promise<string[]>;
  /** A cheap change detector of the `active` pointer. */
  activeStamp(): Promise<string | null>;
  /** A cheap change detector of any alias pointer. */
  aliasStamp(alias: string): Promise<string | null>;
}

/** A registry of many models, opened from a location. */
export interface ModelRegistry {
  readonly location: string;
  readonly backend: BackendKind;
  /** Models holding at least one version or alias. */
  models(): Promise<string[]>;
  /** The handle of one model (validated name; nothing is read yet). */
  model(name?: string): Registry;
}

export type { HistoryEntry, RegistryBackend };
