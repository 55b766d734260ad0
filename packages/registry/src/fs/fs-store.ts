/**
 * The filesystem {@link RegistryStore}: one folder per version, writes flushed with fsync,
 * publication by a single directory rename, reads that never follow symlinks.
 * @module
 */
import { constants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { RegistryStore, StoreEntry, StoreEntryType, StoreReadResult } from "./store";
import { isCode, syncDir } from "./sync-dir";

/** A store name must be one plain path segment. */
function segment(name: string): string {
  if (
    name.length === 0 ||
    name.length > 255 ||
    name === "." ||
    name === ".." ||
    /[/\\\0]/.test(name)
  ) {
    throw new Error(`not a single path segment: ${JSON.stringify(name.slice(0, 40))}`);
  }
  return name;
}

function typeOf(stat: {
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}): StoreEntryType {
  if (stat.isSymbolicLink()) return "symlink";
  if (stat.isDirectory()) return "directory";
  if (stat.isFile()) return "file";
  return "other";
}

/**
 * Creates the filesystem store rooted at `dir` (resolved against the current working directory).
 *
 * @example
 * ```ts
 * const store = createFsStore("artifacts/models");
 * const registry = createRegistry({ dir: store.location, store });
 * ```
 */
export function createFsStore(dir: string): RegistryStore {
  const root = path.resolve(dir);
  const at = (folder: string | null, file: string) =>
    folder === null
      ? path.join(root, segment(file))
      : path.join(root, segment(folder), segment(file));

  async function entry(name: string): Promise<StoreEntry | null> {
    try {
      const st = await fs.lstat(path.join(root, segment(name)));
      return { name, type: typeOf(st), mtimeMs: st.mtimeMs };
    } catch (e) {
      if (isCode(e, "ENOENT", "ENOTDIR")) return null;
      throw e;
    }
  }

  return {
    location: root,
    locate: (name) => path.join(root, segment(name)),

    async entries() {
      let dirents: import("node:fs").Dirent[];
      try {
        dirents = await fs.readdir(root, { withFileTypes: true });
      } catch (e) {
        if (isCode(e, "ENOENT")) return [];
        throw e;
      }
      const found = await Promise.all(dirents.map((d) => entry(d.name)));
      return found.filter((e): e is StoreEntry => e !== null);
    },

    entry,

    async read(folder, file): Promise<StoreReadResult> {
      const target = at(folder, file);
      if (folder !== null) {
        const f = await entry(folder);
        if (f === null) return { kind: "missing" };
        if (f.type !== "directory") return { kind: "invalid", type: f.type };
      }
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(target, constants.O_RDONLY | constants.O_NOFOLLOW);
      } catch (e) {
        if (isCode(e, "ENOENT", "ENOTDIR")) return { kind: "missing" };
        if (isCode(e, "ELOOP", "EMLINK")) return { kind: "invalid", type: "symlink" };
        throw e;
      }
      try {
        const st = await handle.stat();
        if (!st.isFile()) return { kind: "invalid", type: typeOf(st) };
        return { kind: "ok", data: await handle.readFile() };
      } catch (e) {
        if (isCode(e, "EISDIR")) return { kind: "invalid", type: "directory" };
        throw e;
      } finally {
        await handle.close();
      }
    },

    async stamp(file) {
      try {
        const st = await fs.lstat(at(null, file), { bigint: true });
        return `${st.ino}-${st.mtimeNs}-${st.size}`;
      } catch (e) {
        if (isCode(e, "ENOENT")) return null;
        throw e;
      }
    },

    async init() {
      await fs.mkdir(root, { recursive: true });
    },

    async createFolder(name) {
      await fs.mkdir(path.join(root, segment(name)));
    },

    async write(folder, file, data) {
      const handle = await fs.open(at(folder, file), "w");
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },

    async publish(from, to) {
      const target = path.join(root, segment(to));
      // rename(2) onto an EXISTING EMPTY directory succeeds on POSIX, so refuse any existing
      // target first; the rename's own EEXIST/ENOTEMPTY covers the race between check and rename.
      if ((await entry(to)) !== null) return false;
      try {
        await fs.rename(path.join(root, segment(from)), target);
      } catch (e) {
        if (isCode(e, "EEXIST", "ENOTEMPTY", "ENOTDIR", "EISDIR")) return false;
        if (isCode(e, "EPERM") && (await entry(to)) !== null) return false;
        throw e;
      }
      await syncDir(root);
      return true;
    },

    async replace(from, to) {
      await fs.rename(at(null, from), at(null, to));
      await syncDir(root);
    },

    async remove(name) {
      await fs.rm(path.join(root, segment(name)), { recursive: true, force: true });
    },
  };
}
