/**
 * @mle/registry: a registry of named models with versions, aliases and an integrity-checked,
 * hash-chained alias history, over a filesystem or S3 backend.
 * @module
 */
export {
  ACTIVE_FILE,
  ARTIFACT_FILES,
  DEFAULT_BLOB_GRACE_MS,
  DEFAULT_TEMP_GRACE_MS,
  HASHED_FILES,
  TEMP_PREFIX,
} from "./constants";
export type { ArtifactFile, HashedFile } from "./constants";
export { isRegistryError, RegistryError, RegistryErrorCode } from "./errors";
export type { RegistryErrorOptions } from "./errors";
export type {
  BackendKind,
  CollectedGarbage,
  ListedVersion,
  RegistryBackend,
  StoredAlias,
  StoredHistoryEntry,
  StoredRead,
  StoredVersion,
  StoreEntryKind,
} from "./backend";
export { createFsStore } from "./fs/fs-store";
export { createFsBackend } from "./fs/fs-backend";
export type { FsBackendOptions } from "./fs/fs-backend";
export { createS3Backend, parseS3Location } from "./s3/backend";
export type { S3BackendOptions } from "./s3/backend";
export { createRegistry } from "./create-registry";
export { openRegistry, registryOver } from "./open-registry";
export type { OpenRegistryOptions } from "./open-registry";
export {
  BACKENDS,
  DEFAULT_REGISTRY_LOCATION,
  openBackend,
  resolveLocation,
} from "./location";
export type { BackendOptions } from "./location";
export {
  ACTIVE_ALIAS,
  aliasName,
  DEFAULT_MODEL,
  isAliasName,
  isModelName,
  modelName,
  NAME_PATTERN,
} from "./names";
export type { HistoryEntry } from "./history";
export type { ContentChecks } from "./inspect";
export { EXTRA_FILE_PATTERN, MAX_EXTRA_FILES } from "./metadata";
export type {
  RegistryStore,
  StoreEntry,
  StoreEntryType,
  StoreReadResult,
} from "./fs/store";
export type {
  AliasInfo,
  AliasOptions,
  ArtifactDigest,
  EntryMetrics,
  LoadedArtifacts,
  ModelDetails,
  ModelEntry,
  ModelMetadata,
  ModelRegistry,
  MoveOptions,
  PruneOptions,
  Registry,
  RegistryClockOptions,
  RegistryOptions,
  SaveArtifacts,
  SaveOptions,
  SaveResult,
} from "./types";
export {
  isVersionName,
  MAX_VERSION_DIGITS,
  VERSION_PATTERN,
  versionName,
  versionNumber,
} from "./version";
