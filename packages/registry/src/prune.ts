/**
 * Pruning old versions. A version is first renamed to a temporary name (readers see it vanish
 * at once, never half-deleted), then removed. The active version is never deleted.
 * @module
 */
import { readActive } from "./active";
import { ioError, RegistryError } from "./errors";
import type { RegistryStore } from "./store";
import { isTempName, tempName } from "./temp";
import { isVersionName, versionNumber } from "./version";

/**
 * Deletes all but the `keep` newest versions (by number), sparing the active one.
 * Returns the deleted version names, newest first.
 *
 * @example
 * ```ts
 * await pruneVersions(store, 3); // ["v2", "v1"]
 * ```
 */
export async function pruneVersions(store: RegistryStore, keep: number): Promise<string[]> {
  if (!Number.isInteger(keep) || keep < 1) {
    throw new RegistryError("INVALID_ARGUMENT", `prune keep must be an integer >= 1 (got ${keep})`);
  }
  let names: string[];
  try {
    names = (await store.entries())
      .map((e) => e.name)
      .filter((n) => !isTempName(n) && isVersionName(n));
  } catch (cause) {
    throw ioError("listing versions", cause);
  }
  names.sort((a, b) => versionNumber(b) - versionNumber(a));
  const deleted: string[] = [];
  for (const version of names.slice(keep)) {
    // Re-read the pointer before each deletion: another process may have activated this version.
    if ((await readActive(store)) === version) continue;
    const trash = tempName(`trash-${version}`);
    try {
      if (!(await store.publish(version, trash))) continue;
      deleted.push(version);
      await store.remove(trash);
    } catch (cause) {
      throw ioError(`removing ${version}`, cause, { version });
    }
  }
  return deleted;
}
