/**
 * The storage seam of the registry, cut at the registry's own operations (as MLflow's
 * `AbstractStore` is), not at file operations. The registry logic (numbering, integrity checks,
 * aliases and their history) talks only to this interface; each backend decides how a version,
 * an alias or a history entry is laid out and committed:
 *
 * - the filesystem backend (`src/fs/`): a private temporary folder published by one rename,
 *   pointers replaced by rename under a lock folder, history entries created by `link(2)`;
 * - the S3 backend (`src/s3/`): content-addressed blobs, a version manifest created with
 *   `If-None-Match: *`, aliases moved with `If-Match: <etag>`.
 *
 * Every name handed to a backend was validated by the registry first (`names.ts`, `version.ts`):
 * a backend never sees a path trick. Backends raise plain errors for storage failures; the
 * registry wraps them as `REGISTRY_IO` / `REGISTRY_UNAVAILABLE`.
 * @module
 */

/** The kind of a stored entry, for reporting a version folder or pointer that is not what it should be. */
export type StoreEntryKind = "directory" | "file" | "symlink" | "other";

/** Outcome of reading one stored object; `invalid` means it exists but is not a regular file. */
export type StoredRead =
  | { readonly kind: "ok"; readonly data: Uint8Array }
  | { readonly kind: "missing" }
  | { readonly kind: "invalid"; readonly type: StoreEntryKind };

/** One version as listed: its name and a cheap change detector of its stored files. */
export interface ListedVersion {
  readonly version: string;
  /**
   * Changes whenever any stored byte of the version may have changed (filesystem: identity, size
   * and mtime of every file; S3: the manifest's ETag, blobs being content-addressed). Used to cache
   * verified inspections; never trusted for serving (a load always re-hashes).
   */
  readonly tag: string;
}

/** A stored version, opened for reading. */
export interface StoredVersion {
  /** Set when the version exists but is not readable as one (e.g. `v3 is a file, not a folder`). */
  readonly invalid?: string;
  /** Reads one file of the version (`metadata.json`, `model.json`, ...). */
  read(file: string): Promise<StoredRead>;
  /** False when the version vanished after it was opened (pruned by another process). */
  stillExists(): Promise<boolean>;
}

/** An alias pointer as stored, with the tag a compare-and-swap must name. */
export type StoredAlias =
  | { readonly kind: "ok"; readonly data: Uint8Array; readonly tag: string }
  | { readonly kind: "missing" }
  | { readonly kind: "invalid"; readonly type: StoreEntryKind };

/** One stored alias-history entry. */
export interface StoredHistoryEntry {
  readonly seq: number;
  readonly data: Uint8Array;
}

/** The backend kinds shipped; `metadata.json` records which one a version was saved into. */
export type BackendKind = "fs" | "s3";

export interface RegistryBackend {
  readonly kind: BackendKind;
  /** Where the registry lives, for humans (`/srv/models`, `s3://bucket/prefix`); never holds a secret. */
  readonly location: string;
  /** Where a version lives, for humans (a folder path, an `s3://` URL). */
  locateVersion(model: string, version: string): string;
  /** The models that hold at least one version or alias, sorted. */
  listModels(): Promise<string[]>;
  /** The versions of `model` (any order); `[]` when the model does not exist. */
  listVersions(model: string): Promise<ListedVersion[]>;
  /**
   * Creates `model/version` from `files` (including `metadata.json`) if no such version exists:
   * either the whole version appears at once or nothing does. Resolves false, changing nothing
   * visible, when the version already exists (the caller lost a race and tries the next number).
   */
  createVersion(
    model: string,
    version: string,
    files: ReadonlyMap<string, Uint8Array>,
  ): Promise<boolean>;
  /** Opens a version for reading, or null when it does not exist. */
  readVersion(model: string, version: string): Promise<StoredVersion | null>;
  /** Removes a version so readers stop seeing it at once; resolves false when it was absent. */
  removeVersion(model: string, version: string): Promise<boolean>;
  /** The aliases of `model` that exist, sorted. */
  listAliases(model: string): Promise<string[]>;
  readAlias(model: string, alias: string): Promise<StoredAlias>;
  /**
   * Compare-and-swap of an alias pointer: writes `data` only when the stored pointer's tag is
   * still `expectedTag` (null: only when no pointer exists). Resolves false, changing nothing,
   * when another writer got there first.
   */
  swapAlias(
    model: string,
    alias: string,
    data: Uint8Array,
    expectedTag: string | null,
  ): Promise<boolean>;
  /** A cheap change detector of an alias pointer (an ETag or file identity), or null when absent. */
  aliasStamp(model: string, alias: string): Promise<string | null>;
  /** Creates history entry `seq` of `alias` if absent (idempotent commits); false when it exists. */
  appendHistory(model: string, alias: string, seq: number, data: Uint8Array): Promise<boolean>;
  /** Every stored history entry of `alias`, any order. */
  readHistory(model: string, alias: string): Promise<StoredHistoryEntry[]>;
  /** Housekeeping after writes (the filesystem backend removes stale temporary entries). */
  sweep?(nowMs: number, graceMs: number): Promise<void>;
  /**
   * Deletes stored data that no version of any model references any more (S3: blobs, shared by
   * content), sparing what was written within the backend's grace period. Run after a prune.
   */
  collectGarbage?(nowMs: number): Promise<CollectedGarbage>;
}

/** What {@link RegistryBackend.collectGarbage} deleted. */
export interface CollectedGarbage {
  readonly objects: number;
  readonly bytes: number;
}
