/**
 * The small set of storage operations the registry needs. The registry logic talks only to
 * this interface; the filesystem store is the shipped implementation, and tests inject
 * wrappers that fail writes (ENOSPC, EROFS) or pause mid-save.
 *
 * Names are single path segments relative to the registry root (`v3`, `.tmp-…`, `model.json`);
 * a store must refuse anything else.
 * @module
 */
import type { StoreEntryKind, StoredRead } from "../backend";

/** What a stored entry is (the backend's `StoreEntryKind`). */
export type StoreEntryType = StoreEntryKind;

export interface StoreEntry {
  readonly name: string;
  /** The entry itself, not what a symlink points to. */
  readonly type: StoreEntryType;
  readonly mtimeMs: number;
}

/** Outcome of reading one file (the backend's `StoredRead`): `invalid` = not a regular file. */
export type StoreReadResult = StoredRead;

export interface RegistryStore {
  /** Where the registry lives, for humans and for `save()`'s returned `path`. */
  readonly location: string;
  /** The location of a top-level entry (`v3` → `<dir>/v3`). */
  locate(name: string): string;
  /** Top-level entries; `[]` when the registry does not exist yet. */
  entries(): Promise<StoreEntry[]>;
  /** One top-level entry (not following symlinks), or null when absent. */
  entry(name: string): Promise<StoreEntry | null>;
  /**
   * Reads `folder/file` (or a top-level `file` when folder is null). Never follows a symlink:
   * a symlinked folder or file is reported as `invalid`.
   */
  read(folder: string | null, file: string): Promise<StoreReadResult>;
  /** A cheap change detector of a top-level file (identity + mtime + size), or null when absent. */
  stamp(file: string): Promise<string | null>;
  /** Creates the registry root if needed. */
  init(): Promise<void>;
  /** Creates a new, empty top-level folder; fails if it exists. */
  createFolder(name: string): Promise<void>;
  /** Writes `folder/file` (or top-level `file`) durably (flushed to disk before resolving). */
  write(folder: string | null, file: string, data: Uint8Array): Promise<void>;
  /**
   * Atomically renames top-level folder `from` to `to` and makes the rename durable.
   * Resolves false, changing nothing, when `to` already exists.
   */
  publish(from: string, to: string): Promise<boolean>;
  /** Atomically renames top-level file `from` over `to` (replacing it) and makes it durable. */
  replace(from: string, to: string): Promise<void>;
  /** Removes a top-level entry (recursively); no error when absent. */
  remove(name: string): Promise<void>;
}
