/**
 * One model of a registry over a {@link RegistryBackend}: save, inspection (with a cache of
 * verified listings keyed by the backend's change detector), aliases and their history, pruning.
 * @module
 */
import os from "node:os";
import { aliasVersion, moveAlias, readAliasState, readHistory, rollbackTarget } from "./aliases";
import { aliasFile } from "./alias-record";
import type { RegistryBackend } from "./backend";
import { DEFAULT_TEMP_GRACE_MS } from "./constants";
import { ioCode, ioError, isRegistryError, RegistryError } from "./errors";
import type { HistoryEntry } from "./history";
import { emptyContents, type Inspection, inspectVersion, keyMetrics } from "./inspect";
import { ACTIVE_ALIAS, aliasName, isAliasName } from "./names";
import { pruneVersions } from "./prune";
import { saveVersion } from "./save";
import type {
  AliasInfo,
  LoadedArtifacts,
  ModelDetails,
  ModelEntry,
  ModelMetadata,
  Registry,
  RegistryClockOptions,
} from "./types";
import { isVersionName, versionNumber } from "./version";

const LIST_CONCURRENCY = 8;

type Existing = Extract<Inspection, { exists: true }>;

function defaultWho(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return `unknown@${os.hostname()}`;
  }
}

export interface ModelRegistryContext extends RegistryClockOptions {
  readonly backend: RegistryBackend;
  readonly model: string;
}

/**
 * The handle of model `ctx.model` (a validated name).
 *
 * @example
 * ```ts
 * const registry = createModelRegistry({ backend: createFsBackend("artifacts/models"), model: "default" });
 * await registry.setAlias("champion", "v3", { reason: "best walk-forward DM" });
 * ```
 */
export function createModelRegistry(ctx: ModelRegistryContext): Registry {
  const { backend, model } = ctx;
  const clock = ctx.clock ?? (() => new Date());
  const now = ctx.now ?? Date.now;
  const graceMs = ctx.tempGraceMs ?? DEFAULT_TEMP_GRACE_MS;
  const who = ctx.who ?? defaultWho();
  const aliasCtx = { backend, model };
  /** Verified inspections of listed versions, valid while the backend's tag is unchanged. */
  const listCache = new Map<string, { tag: string; ins: Existing }>();

  const tolerantAlias = (alias: string) =>
    aliasVersion(aliasCtx, alias).catch((e: unknown) => {
      if (isRegistryError(e, "MODEL_CORRUPT")) return null;
      throw e;
    });

  async function aliasNames(): Promise<string[]> {
    try {
      return await backend.listAliases(model);
    } catch (cause) {
      throw ioError("listing aliases", cause, { model });
    }
  }

  /** Version → aliases pointing at it (unreadable pointers skipped, or fatal when `strict`). */
  async function aliasMap(strict = false): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const names = await aliasNames();
    for (const alias of names) {
      const v = strict ? await aliasVersion(aliasCtx, alias) : await tolerantAlias(alias);
      if (v !== null) out.set(v, [...(out.get(v) ?? []), alias]);
    }
    return out;
  }

  function toEntry(ins: Existing, aliases: Map<string, string[]>): ModelEntry {
    const metrics = ins.problem ? undefined : keyMetrics(ins.contents["metrics.json"]);
    const names = aliases.get(ins.version) ?? [];
    return {
      version: ins.version,
      created_at: ins.createdAt,
      status: ins.problem ? "corrupt" : "ok",
      ...(ins.problem ? { problem: ins.problem.message } : {}),
      is_active: names.includes(ACTIVE_ALIAS),
      aliases: names,
      ...(metrics ? { metrics } : {}),
    };
  }

  async function existing(version: string, extras?: ReadonlySet<string>): Promise<Existing> {
    versionNumber(version);
    const ins = await inspectVersion(backend, model, version, ctx.contentChecks, extras);
    if (ins.exists) return ins;
    const active = await tolerantAlias(ACTIVE_ALIAS).catch(() => null);
    const detail =
      active === version
        ? ` (it is the active version: its folder was deleted; activate another version)`
        : "";
    throw new RegistryError("MODEL_NOT_FOUND", `model version ${version} not found${detail}`, {
      version,
      model,
    });
  }

  /** For list(): one unreadable version (EACCES, EIO) is reported as corrupt, not fatal to the listing. */
  async function inspectOrUnreadable(version: string): Promise<Inspection> {
    try {
      return await inspectVersion(backend, model, version, ctx.contentChecks);
    } catch (e) {
      if (!isRegistryError(e, "REGISTRY_IO")) throw e;
      const file = e.file;
      const problem = {
        message: `${file ?? version}: unreadable (${ioCode(e.cause)})`,
        ...(file ? { file } : {}),
      };
      return {
        version,
        exists: true,
        problem,
        createdAt: null,
        metadata: null,
        contents: emptyContents(),
        extras: {},
      };
    }
  }

  function corrupt(ins: Existing): RegistryError {
    return new RegistryError(
      "MODEL_CORRUPT",
      `model version ${ins.version} is corrupt: ${ins.problem?.message}`,
      { version: ins.version, model, ...(ins.problem?.file ? { file: ins.problem.file } : {}) },
    );
  }

  async function resolve(ref: string): Promise<string> {
    if (isVersionName(ref)) return ref;
    if (!isAliasName(ref)) versionNumber(ref); // throws INVALID_VERSION for anything else
    const version = await aliasVersion(aliasCtx, ref);
    if (version !== null) return version;
    if (ref === ACTIVE_ALIAS) {
      throw new RegistryError("NO_ACTIVE_MODEL", `model ${model} has no active version`, {
        model,
      });
    }
    throw new RegistryError("ALIAS_NOT_FOUND", `alias ${ref} of model ${model} is not set`, {
      model,
      alias: ref,
    });
  }

  async function verifiedTarget(ref: string): Promise<string> {
    const version = await resolve(ref);
    const ins = await existing(version);
    if (ins.problem) throw corrupt(ins);
    return version;
  }

  async function setAlias(
    alias: string,
    ref: string,
    options: { who?: string; reason?: string; expect?: string | null } = {},
  ): Promise<HistoryEntry> {
    aliasName(alias);
    const to = await verifiedTarget(ref);
    const mover = options.who ?? who;
    const move = await moveAlias(aliasCtx, {
      alias,
      to,
      at: clock().toISOString(),
      who: mover,
      reason: options.reason ?? null,
      ...(options.expect !== undefined ? { expect: options.expect } : {}),
    });
    // A prune may have removed the version between the check above and the move; it re-checks
    // the aliases after removing, we re-check the version after moving, so one of us sees the
    // other. Seen here: the move is undone (recorded) and reported as the version being gone.
    if ((await backend.readVersion(model, to).catch(() => "unknown")) === null) {
      if (move.from !== null) {
        await moveAlias(aliasCtx, {
          alias,
          to: move.from,
          at: clock().toISOString(),
          who: mover,
          reason: `undo of move ${move.seq}: ${to} was removed while it was being aliased`,
          expect: to,
        }).catch(() => undefined);
      }
      throw new RegistryError(
        "MODEL_NOT_FOUND",
        `model version ${to} was removed (pruned) while alias ${alias} was being moved to it`,
        { version: to, model, alias },
      );
    }
    return move;
  }

  const registry: Registry = {
    dir: backend.location,
    location: backend.location,
    backend: backend.kind,
    model,

    async save(artifacts, options = {}) {
      const createdAt = clock().toISOString();
      const version = await saveVersion(
        { backend, model, createdAt, activeHint: () => tolerantAlias(ACTIVE_ALIAS) },
        artifacts,
      );
      const aliases = [
        ...(options.activate === true ? [ACTIVE_ALIAS] : []),
        ...(options.aliases ?? []),
      ];
      for (const alias of new Set(aliases)) {
        try {
          await setAlias(alias, version, {
            ...(options.who !== undefined ? { who: options.who } : {}),
            ...(options.reason !== undefined ? { reason: options.reason } : {}),
          });
        } catch (e) {
          // The version is published whole; say so, and name it, so nobody retrains for nothing.
          if (!isRegistryError(e)) throw e;
          throw new RegistryError(
            e.code,
            `version ${version} was saved complete but alias ${alias} was not moved to it: ${e.message}`,
            { version, model, alias, ...(e.file ? { file: e.file } : {}), cause: e },
          );
        }
      }
      await backend.sweep?.(now(), graceMs).catch(() => undefined);
      return { version, path: backend.locateVersion(model, version) };
    },

    async list() {
      let listed: Awaited<ReturnType<RegistryBackend["listVersions"]>>;
      try {
        listed = await backend.listVersions(model);
      } catch (cause) {
        throw ioError("listing versions", cause, { model });
      }
      listed.sort((a, b) => versionNumber(b.version) - versionNumber(a.version));
      const aliases = await aliasMap().catch(() => new Map<string, string[]>());
      const seen = new Set(listed.map((l) => l.version));
      for (const key of listCache.keys()) if (!seen.has(key)) listCache.delete(key);
      const out: ModelEntry[] = [];
      // A few versions at a time: faster than one by one, without exhausting file handles.
      for (let i = 0; i < listed.length; i += LIST_CONCURRENCY) {
        const batch = listed.slice(i, i + LIST_CONCURRENCY);
        const inspected = await Promise.all(
          batch.map(async ({ version, tag }) => {
            const hit = listCache.get(version);
            if (hit && hit.tag === tag) return hit.ins;
            const ins = await inspectOrUnreadable(version);
            const unreadable = ins.exists && ins.problem?.message.includes(": unreadable (");
            if (ins.exists && !unreadable) listCache.set(version, { tag, ins });
            return ins;
          }),
        );
        for (const ins of inspected) if (ins.exists) out.push(toEntry(ins, aliases));
      }
      return out;
    },

    async get(ref) {
      const ins = await existing(await resolve(ref));
      const { metrics, ...entry } = toEntry(ins, await aliasMap());
      const details: ModelDetails = {
        ...entry,
        ...(metrics ? { key_metrics: metrics } : {}),
        metadata: ins.metadata,
        metrics: ins.contents["metrics.json"],
        featureColumns: ins.contents["feature_columns.json"],
        datasetSummary: ins.contents["dataset_summary.json"],
        files: ins.extras,
      };
      return details;
    },

    async load(ref, options = {}): Promise<LoadedArtifacts> {
      const version = await resolve(ref);
      const wanted = options.files === undefined ? undefined : new Set(options.files);
      const ins = await existing(version, wanted);
      if (ins.problem) throw corrupt(ins);
      return {
        version,
        model: ins.contents["model.json"],
        metadata: ins.metadata as ModelMetadata,
        metrics: ins.contents["metrics.json"],
        featureColumns: ins.contents["feature_columns.json"],
        datasetSummary: ins.contents["dataset_summary.json"],
        files: ins.extras,
      };
    },

    resolve,

    getActive: () => aliasVersion(aliasCtx, ACTIVE_ALIAS),

    activeOrNull: () => tolerantAlias(ACTIVE_ALIAS),

    activate: (version, options = {}) => setAlias(ACTIVE_ALIAS, version, options),

    async aliases() {
      const names = await aliasNames();
      const out: AliasInfo[] = [];
      for (const alias of names) {
        const state = await readAliasState(aliasCtx, alias);
        if (state.kind === "ok") {
          out.push({ alias, version: state.version, activated_at: state.activatedAt });
        } else if (state.kind === "corrupt") {
          out.push({
            alias,
            version: null,
            activated_at: null,
            problem: `${aliasFile(alias)} ${state.why}`,
          });
        }
      }
      return out;
    },

    getAlias: (alias) => aliasVersion(aliasCtx, aliasName(alias)),

    setAlias,

    async history(options = {}) {
      if (options.alias !== undefined) return readHistory(aliasCtx, aliasName(options.alias));
      const names = await aliasNames();
      const all: HistoryEntry[] = [];
      for (const alias of names) all.push(...(await readHistory(aliasCtx, alias)));
      return all.sort((a, b) => a.at.localeCompare(b.at) || a.alias.localeCompare(b.alias));
    },

    async rollback(options = {}) {
      const alias = aliasName(options.alias ?? ACTIVE_ALIAS);
      const target = await rollbackTarget(aliasCtx, alias);
      return setAlias(alias, target.to, {
        expect: target.from,
        who: options.who ?? who,
        reason:
          options.reason ??
          `rollback of move ${target.undoes.seq} (${target.from} -> ${target.to})`,
      });
    },

    async prune({ keep }) {
      // Strict: with an unreadable pointer it cannot know what to spare, so it refuses.
      const aliased = async () => new Set((await aliasMap(true)).keys());
      const deleted = await pruneVersions(backend, model, keep, aliased);
      for (const version of deleted) listCache.delete(version);
      await backend.sweep?.(now(), graceMs).catch(() => undefined);
      // Housekeeping: the versions are gone whatever happens here; a failed collection leaves
      // unreferenced blobs for the next prune to collect.
      await backend.collectGarbage?.(now()).catch(() => undefined);
      return deleted;
    },

    activeStamp: () => registry.aliasStamp(ACTIVE_ALIAS),

    async aliasStamp(alias) {
      const name = aliasName(alias);
      try {
        return await backend.aliasStamp(model, name);
      } catch (cause) {
        throw ioError(`reading ${aliasFile(name)}`, cause, { file: aliasFile(name), model });
      }
    },
  };
  return registry;
}
