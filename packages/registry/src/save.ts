/**
 * Saving a version: the artifacts are serialised and hashed once, then the backend is asked to
 * create the next free `vN` whole (create-if-absent). A saver that loses the race for `vN`
 * rebuilds metadata.json for N+1 and tries again, so N concurrent savers (threads, processes or
 * machines) get N distinct versions and nothing is overwritten.
 * @module
 */
import type { RegistryBackend } from "./backend";
import { HASHED_FILES, type HashedFile } from "./constants";
import { ioError, RegistryError } from "./errors";
import { digest, toCompactJsonBytes, toJsonBytes } from "./json";
import { buildMetadata, EXTRA_FILE_PATTERN, MAX_EXTRA_FILES } from "./metadata";
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

/** The highest version number listed or referenced by a pointer, plus one. */
export async function nextVersionNumber(
  backend: RegistryBackend,
  model: string,
  referenced: string | null,
): Promise<number> {
  let max = referenced !== null && isVersionName(referenced) ? versionNumber(referenced) : 0;
  for (const { version } of await backend.listVersions(model)) {
    max = Math.max(max, versionNumber(version));
  }
  return max + 1;
}

function serialise(artifacts: SaveArtifacts): Map<string, Uint8Array> {
  if (typeof artifacts !== "object" || artifacts === null) {
    throw new RegistryError("INVALID_ARGUMENT", "artifacts must be an object");
  }
  const m = artifacts.metadata;
  if (typeof m !== "object" || m === null || Array.isArray(m)) {
    throw new RegistryError("INVALID_ARGUMENT", "artifacts.metadata must be a plain object");
  }
  const out = new Map<string, Uint8Array>();
  for (const file of HASHED_FILES) {
    const key = SOURCES[file];
    out.set(file, toJsonBytes(artifacts[key], `artifacts.${key}`));
  }
  const extras = Object.keys(artifacts.files ?? {}).sort();
  if (extras.length > MAX_EXTRA_FILES) {
    throw new RegistryError("INVALID_ARGUMENT", `at most ${MAX_EXTRA_FILES} extra files`);
  }
  for (const name of extras) {
    if (!EXTRA_FILE_PATTERN.test(name) || out.has(name)) {
      throw new RegistryError(
        "INVALID_ARGUMENT",
        `extra file name ${JSON.stringify(name.slice(0, 40))} is not allowed (lowercase name ending in .json, not a required artifact)`,
      );
    }
    out.set(name, toCompactJsonBytes(artifacts.files?.[name], `artifacts.files.${name}`));
  }
  toJsonBytes(m, "artifacts.metadata");
  return out;
}

export interface SaveContext {
  readonly backend: RegistryBackend;
  readonly model: string;
  readonly createdAt: string;
  /** The version the alias `active` names, tolerating an unreadable pointer (null). */
  readonly activeHint: () => Promise<string | null>;
}

/**
 * Publishes `artifacts` as the next version of the model and returns its name. On any storage
 * failure REGISTRY_IO (or REGISTRY_UNAVAILABLE) is thrown and no version appears.
 *
 * @example
 * ```ts
 * const version = await saveVersion({ backend, model: "default", createdAt, activeHint }, artifacts); // "v4"
 * ```
 */
export async function saveVersion(ctx: SaveContext, artifacts: SaveArtifacts): Promise<string> {
  const { backend, model } = ctx;
  const files = serialise(artifacts);
  const digests = new Map<string, ArtifactDigest>();
  for (const [f, data] of files) digests.set(f, digest(data));
  const placement = { model, backend: backend.kind };

  let step = "choosing a version number";
  try {
    let n = await nextVersionNumber(backend, model, await ctx.activeHint());
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (String(n).length > MAX_VERSION_DIGITS) break;
      const version = versionName(n);
      const metadata = buildMetadata(
        artifacts.metadata,
        version,
        ctx.createdAt,
        placement,
        digests,
      );
      const withManifest = new Map(files).set("metadata.json", toJsonBytes(metadata, "metadata"));
      step = `publishing ${version}`;
      if (await backend.createVersion(model, version, withManifest)) return version;
      n += 1;
    }
    throw new RegistryError("REGISTRY_IO", "registry I/O failed: no free version number");
  } catch (cause) {
    throw ioError(step, cause, { model });
  }
}
