/**
 * The filesystem backend: one folder per registry, the layout of the first registry kept as the
 * `default` model so a folder written by older code opens unchanged.
 *
 * ```
 * <root>/v1/ … vN/                 versions of model "default" (five files each, or more)
 * <root>/active.json               alias "active" of "default"
 * <root>/aliases/<alias>.json      other aliases of "default"
 * <root>/history/<alias>/<seq>.json  alias history (12-digit sequence numbers)
 * <root>/models/<name>/…           every other model, laid out the same way
 * ```
 *
 * Commits: a version is written and flushed in a private `.tmp-*` folder, then published with one
 * `rename(2)` that fails when the `vN` exists; an alias is replaced by rename under a lock folder
 * (compare-and-swap on the pointer's content hash); a history entry is created with `link(2)`.
 * @module
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type {
  ListedVersion,
  RegistryBackend,
  StoredAlias,
  StoredHistoryEntry,
  StoredVersion,
} from "../backend";
import { DEFAULT_MODEL, isAliasName, isModelName, ACTIVE_ALIAS } from "../names";
import { isVersionName } from "../version";
import { createExclusiveFile } from "./exclusive-file";
import { isCode } from "./sync-dir";
import { createFsStore } from "./fs-store";
import type { RegistryStore } from "./store";
import { cleanupTemps, isTempName, tempName } from "./temp";
import { versionTag } from "./version-tag";

export interface FsBackendOptions {
  /** The store of the root folder (model `default`); tests wrap it to inject faults. */
  readonly store?: RegistryStore;
  /** A lock folder older than this is taken to be left by a killed process and broken (default 30 s). */
  readonly staleLockMs?: number;
}

const HISTORY_FILE = /^(\d{12})\.json$/;
const LOCK_WAIT_MS = 5_000;
const TAG_CONCURRENCY = 32;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const contentTag = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const seqFile = (seq: number) => `${String(seq).padStart(12, "0")}.json`;

async function readdirOrEmpty(dir: string): Promise<import("node:fs").Dirent[]> {
  try {
    return await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if (isCode(e, "ENOENT", "ENOTDIR")) return [];
    throw e;
  }
}

/**
 * The filesystem backend rooted at `dir` (resolved against the working directory).
 *
 * @example
 * ```ts
 * const backend = createFsBackend("artifacts/models");
 * await backend.listModels(); // ["default"]
 * ```
 */
export function createFsBackend(dir: string, options: FsBackendOptions = {}): RegistryBackend {
  const root = path.resolve(dir);
  const rootStore = options.store ?? createFsStore(root);
  const staleLockMs = options.staleLockMs ?? 30_000;
  const stores = new Map<string, RegistryStore>();

  const modelDir = (model: string) =>
    model === DEFAULT_MODEL ? root : path.join(root, "models", model);
  const storeAt = (folder: string): RegistryStore => {
    if (folder === root) return rootStore;
    let s = stores.get(folder);
    if (!s) stores.set(folder, (s = createFsStore(folder)));
    return s;
  };
  const versions = (model: string) => storeAt(modelDir(model));
  /** Where alias `alias` of `model` is stored: its folder's store and file name. */
  const aliasAt = (model: string, alias: string) =>
    alias === ACTIVE_ALIAS
      ? { store: versions(model), file: "active.json" }
      : { store: storeAt(path.join(modelDir(model), "aliases")), file: `${alias}.json` };
  const historyDir = (model: string, alias: string) => path.join(modelDir(model), "history", alias);

  /**
   * Takes the lock of one alias: a file created with O_EXCL holding `pid@host`. A lock whose
   * process is gone (same host) or that is older than `staleLockMs` was left by a killed writer
   * and is moved aside (one breaker wins that rename).
   */
  async function lock(store: RegistryStore, alias: string): Promise<() => Promise<void>> {
    const name = `.lock-${alias}`;
    const file = store.locate(name);
    const owner = `${process.pid}@${os.hostname()}`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    await store.init();
    for (;;) {
      try {
        const handle = await fs.open(file, "wx");
        try {
          await handle.writeFile(owner);
        } finally {
          await handle.close();
        }
        return () => fs.rm(file, { force: true });
      } catch (e) {
        if (!isCode(e, "EEXIST")) throw e;
      }
      if (await lockIsStale(file)) {
        const trash = store.locate(tempName(`lock-${alias}`));
        await fs.rename(file, trash).then(
          () => fs.rm(trash, { force: true }),
          () => undefined,
        );
        continue;
      }
      if (Date.now() > deadline) {
        throw Object.assign(new Error(`alias ${alias} is locked by another writer`), {
          code: "ELOCKED",
        });
      }
      await sleep(5 + Math.floor(Math.random() * 20));
    }
  }

  async function lockIsStale(file: string): Promise<boolean> {
    let text: string;
    let mtimeMs: number;
    try {
      [text, mtimeMs] = await Promise.all([
        fs.readFile(file, "utf8"),
        fs.stat(file).then((st) => st.mtimeMs),
      ]);
    } catch {
      return false; // gone already: the next attempt takes it
    }
    if (Date.now() - mtimeMs > staleLockMs) return true;
    const [pid, host] = text.split("@");
    if (host !== os.hostname() || !pid || !/^\d+$/.test(pid)) return false;
    try {
      process.kill(Number(pid), 0);
      return false;
    } catch (e) {
      return isCode(e, "ESRCH");
    }
  }

  /**
   * A missing entry under a root that is not a folder (a file given as the registry) is an I/O
   * failure to report, not an absent version or alias.
   */
  async function rootIsFolder(): Promise<void> {
    let st: import("node:fs").Stats;
    try {
      st = await fs.stat(root);
    } catch (e) {
      if (isCode(e, "ENOENT")) return;
      throw e;
    }
    if (!st.isDirectory()) {
      throw Object.assign(new Error("the registry location is not a folder"), { code: "ENOTDIR" });
    }
  }

  async function readAlias(model: string, alias: string): Promise<StoredAlias> {
    const { store, file } = aliasAt(model, alias);
    const read = await store.read(null, file);
    if (read.kind === "missing") await rootIsFolder();
    if (read.kind !== "ok") return read;
    return { kind: "ok", data: read.data, tag: contentTag(read.data) };
  }

  return {
    kind: "fs",
    location: root,
    locateVersion: (model, version) => path.join(modelDir(model), version),

    async listModels() {
      const out: string[] = [];
      const top = await rootStore.entries();
      if (top.some((e) => isVersionName(e.name) || e.name === "active.json")) {
        out.push(DEFAULT_MODEL);
      }
      for (const d of await readdirOrEmpty(path.join(root, "models"))) {
        if (d.isDirectory() && isModelName(d.name) && d.name !== DEFAULT_MODEL) out.push(d.name);
      }
      return out.sort();
    },

    async listVersions(model) {
      const store = versions(model);
      const names = (await store.entries())
        .map((e) => e.name)
        .filter((n) => !isTempName(n) && isVersionName(n));
      const out: ListedVersion[] = [];
      // Tags are a few lstat calls each: many at a time, like the inspections they guard.
      for (let i = 0; i < names.length; i += TAG_CONCURRENCY) {
        const batch = names.slice(i, i + TAG_CONCURRENCY);
        const tags = await Promise.all(batch.map((n) => versionTag(store.locate(n))));
        batch.forEach((version, k) => {
          const tag = tags[k];
          if (tag !== null && tag !== undefined) out.push({ version, tag });
        });
      }
      return out;
    },

    async createVersion(model, version, files) {
      const store = versions(model);
      const temp = tempName("save");
      try {
        await store.init();
        await store.createFolder(temp);
        for (const [file, data] of files) await store.write(temp, file, data);
        if (await store.publish(temp, version)) return true;
        await store.remove(temp);
        return false;
      } catch (e) {
        await store.remove(temp).catch(() => undefined);
        throw e;
      }
    },

    async readVersion(model, version): Promise<StoredVersion | null> {
      const store = versions(model);
      const entry = await store.entry(version);
      if (entry === null) {
        await rootIsFolder();
        return null;
      }
      const stillExists = async () => (await store.entry(version).catch(() => entry)) !== null;
      if (entry.type !== "directory") {
        return {
          invalid: `${version} is a ${entry.type}, not a folder`,
          read: async () => ({ kind: "missing" }),
          stillExists,
        };
      }
      return { read: (file) => store.read(version, file), stillExists };
    },

    async removeVersion(model, version) {
      const store = versions(model);
      const trash = tempName(`trash-${version}`);
      try {
        if (!(await store.publish(version, trash))) return false;
      } catch (e) {
        // Removed meanwhile by another prune: not ours to report.
        if (isCode(e, "ENOENT")) return false;
        throw e;
      }
      await store.remove(trash);
      return true;
    },

    async listAliases(model) {
      const out: string[] = [];
      if ((await versions(model).entry("active.json")) !== null) out.push(ACTIVE_ALIAS);
      for (const d of await readdirOrEmpty(path.join(modelDir(model), "aliases"))) {
        const name = d.name.endsWith(".json") ? d.name.slice(0, -5) : "";
        if (d.isFile() && isAliasName(name) && name !== ACTIVE_ALIAS) out.push(name);
      }
      return out.sort();
    },

    readAlias,

    async swapAlias(model, alias, data, expectedTag) {
      const { store, file } = aliasAt(model, alias);
      const unlock = await lock(store, alias);
      try {
        const current = await readAlias(model, alias);
        const tag = current.kind === "ok" ? current.tag : null;
        // An unreadable pointer (a symlink, a folder) may be replaced by a writer that saw it so.
        if (current.kind !== "invalid" && tag !== expectedTag) return false;
        if (current.kind === "invalid") await store.remove(file);
        const temp = tempName(`alias-${alias}`);
        try {
          await store.write(null, temp, data);
          await store.replace(temp, file);
        } catch (e) {
          await store.remove(temp).catch(() => undefined);
          throw e;
        }
        return true;
      } finally {
        await unlock().catch(() => undefined);
      }
    },

    async aliasStamp(model, alias) {
      const { store, file } = aliasAt(model, alias);
      return store.stamp(file);
    },

    appendHistory: (model, alias, seq, data) =>
      createExclusiveFile(historyDir(model, alias), seqFile(seq), data),

    async readHistory(model, alias) {
      const folder = historyDir(model, alias);
      const store = storeAt(folder);
      const out: StoredHistoryEntry[] = [];
      for (const d of await readdirOrEmpty(folder)) {
        const m = HISTORY_FILE.exec(d.name);
        if (!m) continue;
        const read = await store.read(null, d.name);
        if (read.kind === "ok") out.push({ seq: Number(m[1]), data: read.data });
      }
      return out;
    },

    async sweep(nowMs, graceMs) {
      await cleanupTemps(rootStore, nowMs, graceMs);
      for (const s of stores.values()) await cleanupTemps(s, nowMs, graceMs);
    },
  };
}
