/**
 * @mle/registry: versioned, atomic, integrity-checked model registry.
 * @module
 */
export {
  ACTIVE_FILE,
  ARTIFACT_FILES,
  DEFAULT_TEMP_GRACE_MS,
  HASHED_FILES,
  TEMP_PREFIX,
} from "./constants";
export type { ArtifactFile, HashedFile } from "./constants";
export { isRegistryError, RegistryError, RegistryErrorCode } from "./errors";
export type { RegistryErrorOptions } from "./errors";
export { createFsStore } from "./fs-store";
export { createRegistry } from "./create-registry";
export type {
  RegistryStore,
  StoreEntry,
  StoreEntryType,
  StoreReadResult,
} from "./store";
export type {
  ArtifactDigest,
  EntryMetrics,
  LoadedArtifacts,
  ModelDetails,
  ModelEntry,
  ModelMetadata,
  PruneOptions,
  Registry,
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
