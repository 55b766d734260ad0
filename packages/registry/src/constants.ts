/** The five files of every version folder, in the order they are listed. */
export const ARTIFACT_FILES = [
  "model.json",
  "metadata.json",
  "metrics.json",
  "feature_columns.json",
  "dataset_summary.json",
] as const;

export type ArtifactFile = (typeof ARTIFACT_FILES)[number];

/** The files whose sha256 and size metadata.json records (all but metadata.json itself). */
export const HASHED_FILES = [
  "model.json",
  "metrics.json",
  "feature_columns.json",
  "dataset_summary.json",
] as const;

export type HashedFile = (typeof HASHED_FILES)[number];

/** Name of the active-version pointer file at the registry root. */
export const ACTIVE_FILE = "active.json";

/** Prefix of temporary folders and files; readers ignore every entry starting with it. */
export const TEMP_PREFIX = ".tmp-";

/** Temporary entries younger than this are never cleaned up (a save may still be writing them). */
export const DEFAULT_TEMP_GRACE_MS = 10 * 60 * 1000;

/**
 * S3 blobs no version references are deleted by `prune` only once they were last written longer
 * ago than this: a writer rewrites every blob of a version just before committing it, so a blob
 * a save is about to reference is always younger. It must exceed the longest save, the clock
 * skew between the registry's clients and the store, and a second (Last-Modified's resolution).
 */
export const DEFAULT_BLOB_GRACE_MS = 60 * 60 * 1000;
