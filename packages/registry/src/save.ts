/**
 * Saving a version: every file is written and flushed in a private temporary folder, then
 * published with one rename to the next free `vN`. Two savers racing for the same `vN`: one
 * rename wins, the other rewrites its metadata with N+1 and tries again, so N concurrent
 * savers (threads or processes) get N distinct versions and nothing is overwritten.
 * @module
 */
import { HASHED_FILES, type HashedFile } from "./constants";
import { ioError, RegistryError } from "./errors";
import { digest, toJsonBytes } from "./json";
import { buildMetadata } from "./metadata";
import type { RegistryStore } from "./store";
import { isTempName, tempName } from "./temp";
import type { ArtifactDigest, SaveArtifacts } from "./types";
import { isVersionName, MAX_VERSION_DIGITS, versionName, versionNumber } from "./version";

/** Give up after this many lost races in one save (only reachable with thousands of concurrent savers). */
const MAX_ATTEMPTS = 10_000;

const SOURCES: Record<HashedFile, keyof SaveArtifacts> = {
  "model.json": "model",
  "metrics.json": "metrics",
  "feature_columns.json": "featureColumns",
  "dataset_summary.json": "datasetSummary",
};

/** The highest version number present (any entry type) or referenced by the pointer, plus one. */
export async function nextVersionNumber(
  store: RegistryStore,
  active: string | null,
): Promise<number> {
  let max = active !== null && isVersionName(active) ? versionNumber(active) : 0;
  for (const e of await store.entries()) {
    if (!isTempName(e.name) && isVersionName(e.name)) max = Math.max(max, versionNumber(e.name));
  }
  return max + 1;
}

function serialise(artifacts: SaveArtifacts): Record<HashedFile, Uint8Array> {
  if (typeof artifacts !== "object" || artifacts === null) {
    throw new RegistryError("INVALID_ARGUMENT", "artifacts must be an object");
  }
  const m = artifacts.metadata;
  if (typeof m !== "object" || m === null || Array.isArray(m)) {
    throw new RegistryError("INVALID_ARGUMENT", "artifacts.metadata must be a plain object");
  }
  const out = {} as Record<HashedFile, Uint8Array>;
  for (const file of HASHED_FILES) {
    const key = SOURCES[file];
    out[file] = toJsonBytes(artifacts[key], `artifacts.${key}`);
  }
  toJsonBytes(m, "artifacts.metadata");
  return out;
}

export interface SaveContext {
  readonly store: RegistryStore;
  readonly createdAt: string;
  /** Reads the active pointer, tolerating an unreadable one (null). */
  readonly activeHint: () => Promise<string | null>;
}

/**
 * Publishes `artifacts` as the next version and returns its name. On any storage failure the
 * temporary folder is removed (best effort) and REGISTRY_IO is thrown; no `vN` appears.
 *
 * @example
 * ```ts
 * const version = await saveVersion({ store, createdAt, activeHint }, artifacts); // "v4"
 * ```
 */
export async function saveVersion(ctx: SaveContext, artifacts: SaveArtifacts): Promise<string> {
  const { store } = ctx;
  const files = serialise(artifacts);
  const digests = {} as Record<HashedFile, ArtifactDigest>;
  for (const f of HASHED_FILES) digests[f] = digest(files[f]);

  const temp = tempName("save");
  let step = "creating the registry folder";
  try {
    await store.init();
    step = "creating a temporary folder";
    await store.createFolder(temp);
    for (const f of HASHED_FILES) {
      step = `writing ${f}`;
      await store.write(temp, f, files[f]);
    }
    step = "choosing a version number";
    let n = await nextVersionNumber(store, await ctx.activeHint());
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (String(n).length > MAX_VERSION_DIGITS) break;
      const version = versionName(n);
      const metadata = buildMetadata(artifacts.metadata, version, ctx.createdAt, digests);
      step = "writing metadata.json";
      await store.write(temp, "metadata.json", toJsonBytes(metadata, "metadata"));
      step = `publishing ${version}`;
      if (await store.publish(temp, version)) return version;
      n += 1;
    }
    throw new RegistryError("REGISTRY_IO", "registry I/O failed: no free version number");
  } catch (cause) {
    await store.remove(temp).catch(() => undefined);
    throw ioError(step, cause);
  }
}
