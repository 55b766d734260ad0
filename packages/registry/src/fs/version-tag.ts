/**
 * The filesystem backend's change detector of a version folder: identity, size and mtime of the
 * folder and of every entry in it, from `lstat` alone (no file is read). Rewriting, truncating,
 * replacing or adding a file changes it.
 * @module
 */
import fs from "node:fs/promises";
import path from "node:path";

const stampOf = (st: { ino: bigint; mtimeNs: bigint; size: bigint }) =>
  `${st.ino}-${st.mtimeNs}-${st.size}`;

/**
 * The tag of the entry at `location`, or null when it vanished.
 *
 * @example
 * ```ts
 * await versionTag("/srv/models/v3"); // "1234-1700000000000000000-4096|model.json:…"
 * ```
 */
export async function versionTag(location: string): Promise<string | null> {
  try {
    const top = await fs.lstat(location, { bigint: true });
    if (!top.isDirectory()) return `other:${stampOf(top)}`;
    const names = (await fs.readdir(location)).sort();
    const stats = await Promise.all(
      names.map((name) => fs.lstat(path.join(location, name), { bigint: true })),
    );
    return [stampOf(top), ...names.map((name, i) => `${name}:${stampOf(stats[i]!)}`)].join("|");
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return null;
    throw e;
  }
}
