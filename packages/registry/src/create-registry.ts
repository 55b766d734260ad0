/**
 * `createRegistry`: the public face of the registry, composing save, inspection, the active
 * pointer and pruning over a {@link RegistryStore}.
 * @module
 */
import { ACTIVE_FILE, DEFAULT_TEMP_GRACE_MS } from "./constants";
import { ioCode, ioError, isRegistryError, RegistryError } from "./errors";
import { createFsStore } from "./fs-store";
import { type Inspection, inspectVersion, keyMetrics } from "./inspect";
import { pruneVersions } from "./prune";
import { readActive, writeActive } from "./active";
import { saveVersion } from "./save";
import { cleanupTemps, isTempName } from "./temp";
import type {
  LoadedArtifacts,
  ModelDetails,
  ModelEntry,
  ModelMetadata,
  Registry,
  RegistryOptions,
} from "./types";
import { isVersionName, versionNumber } from "./version";

const LIST_CONCURRENCY = 8;

type Existing = Extract<Inspection, { exists: true }>;

function toEntry(ins: Existing, active: string | null): ModelEntry {
  const metrics = ins.problem ? undefined : keyMetrics(ins.contents["metrics.json"]);
  return {
    version: ins.version,
    created_at: ins.createdAt,
    status: ins.problem ? "corrupt" : "ok",
    ...(ins.problem ? { problem: ins.problem.message } : {}),
    is_active: ins.version === active,
    ...(metrics ? { metrics } : {}),
  };
}

/**
 * Opens (lazily; nothing is touched until the first call) the registry in `dir`.
 *
 * @example
 * ```ts
 * const registry = createRegistry({ dir: "artifacts/models" });
 * const { version } = await registry.save(
 *   { model, metadata: { symbols: ["AAPL"] }, metrics, featureColumns, datasetSummary },
 *   { activate: true },
 * );
 * const loaded = await registry.load(version); // sha256-verified artifacts
 * ```
 */
export function createRegistry(options: RegistryOptions): Registry {
  const store = options.store ?? createFsStore(options.dir);
  const clock = options.clock ?? (() => new Date());
  const now = options.now ?? Date.now;
  const graceMs = options.tempGraceMs ?? DEFAULT_TEMP_GRACE_MS;
  const tolerantActive = () =>
    readActive(store).catch((e: unknown) => {
      if (isRegistryError(e, "MODEL_CORRUPT")) return null;
      throw e;
    });

  async function existing(version: string): Promise<Existing> {
    versionNumber(version);
    const ins = await inspectVersion(store, version);
    if (ins.exists) return ins;
    const active = await tolerantActive().catch(() => null);
    const detail =
      active === version
        ? ` (it is the active version: its folder was deleted; activate another version)`
        : "";
    throw new RegistryError("MODEL_NOT_FOUND", `model version ${version} not found${detail}`, {
      version,
    });
  }

  /** For list(): one unreadable version (EACCES, EIO) is reported as corrupt, not fatal to the listing. */
  async function inspectOrUnreadable(version: string): Promise<Inspection> {
    try {
      return await inspectVersion(store, version);
    } catch (e) {
      if (!isRegistryError(e, "REGISTRY_IO")) throw e;
      const file = e.file;
      const problem = {
        message: `${file ?? version}: unreadable (${ioCode(e.cause)})`,
        ...(file ? { file } : {}),
      };
      const contents = {
        "model.json": null,
        "metrics.json": null,
        "feature_columns.json": null,
        "dataset_summary.json": null,
      };
      return { version, exists: true, problem, createdAt: null, metadata: null, contents };
    }
  }

  function corrupt(ins: Existing): RegistryError {
    return new RegistryError(
      "MODEL_CORRUPT",
      `model version ${ins.version} is corrupt: ${ins.problem?.message}`,
      { version: ins.version, ...(ins.problem?.file ? { file: ins.problem.file } : {}) },
    );
  }

  const registry: Registry = {
    dir: store.location,

    async save(artifacts, saveOptions = {}) {
      const createdAt = clock().toISOString();
      const version = await saveVersion(
        { store, createdAt, activeHint: tolerantActive },
        artifacts,
      );
      if (saveOptions.activate === true) await writeActive(store, version, createdAt);
      await cleanupTemps(store, now(), graceMs);
      return { version, path: store.locate(version) };
    },

    async list() {
      let names: string[];
      try {
        names = (await store.entries())
          .map((e) => e.name)
          .filter((n) => !isTempName(n) && isVersionName(n));
      } catch (cause) {
        throw ioError("listing versions", cause);
      }
      names.sort((a, b) => versionNumber(b) - versionNumber(a));
      const active = await tolerantActive().catch(() => null);
      const out: ModelEntry[] = [];
      // A few versions at a time: faster than one by one, without exhausting file handles.
      for (let i = 0; i < names.length; i += LIST_CONCURRENCY) {
        const batch = names.slice(i, i + LIST_CONCURRENCY);
        for (const ins of await Promise.all(batch.map((n) => inspectOrUnreadable(n)))) {
          if (ins.exists) out.push(toEntry(ins, active));
        }
      }
      return out;
    },

    async get(version) {
      const ins = await existing(version);
      const { metrics, ...entry } = toEntry(ins, await tolerantActive());
      const details: ModelDetails = {
        ...entry,
        ...(metrics ? { key_metrics: metrics } : {}),
        metadata: ins.metadata,
        metrics: ins.contents["metrics.json"],
        featureColumns: ins.contents["feature_columns.json"],
        datasetSummary: ins.contents["dataset_summary.json"],
      };
      return details;
    },

    async load(version): Promise<LoadedArtifacts> {
      const ins = await existing(version);
      if (ins.problem) throw corrupt(ins);
      return {
        version,
        model: ins.contents["model.json"],
        metadata: ins.metadata as ModelMetadata,
        metrics: ins.contents["metrics.json"],
        featureColumns: ins.contents["feature_columns.json"],
        datasetSummary: ins.contents["dataset_summary.json"],
      };
    },

    getActive: () => readActive(store),

    async activate(version) {
      const ins = await existing(version);
      if (ins.problem) throw corrupt(ins);
      await writeActive(store, version, clock().toISOString());
    },

    async prune({ keep }) {
      const deleted = await pruneVersions(store, keep);
      await cleanupTemps(store, now(), graceMs);
      return deleted;
    },

    async activeStamp() {
      try {
        return await store.stamp(ACTIVE_FILE);
      } catch (cause) {
        throw ioError(`reading ${ACTIVE_FILE}`, cause, { file: ACTIVE_FILE });
      }
    },
  };
  return registry;
}
