/**
 * Pruning old versions of one model. The backend removes a version so readers see it vanish at
 * once, never half-deleted. A version any alias points at is never deleted.
 * @module
 */
import type { RegistryBackend } from "./backend";
import { ioError, RegistryError } from "./errors";
import { versionNumber } from "./version";

/**
 * Deletes all but the `keep` newest versions (by number), sparing every aliased one (`aliased`
 * is asked again before each deletion: another process may have moved an alias meanwhile).
 * Returns the deleted version names, newest first.
 *
 * @example
 * ```ts
 * await pruneVersions(backend, "default", 3, aliasedVersions); // ["v2", "v1"]
 * ```
 */
export async function pruneVersions(
  backend: RegistryBackend,
  model: string,
  keep: number,
  aliased: () => Promise<ReadonlySet<string>>,
): Promise<string[]> {
  if (!Number.isInteger(keep) || keep < 1) {
    throw new RegistryError("INVALID_ARGUMENT", `prune keep must be an integer >= 1 (got ${keep})`);
  }
  let names: string[];
  try {
    names = (await backend.listVersions(model)).map((v) => v.version);
  } catch (cause) {
    throw ioError("listing versions", cause, { model });
  }
  names.sort((a, b) => versionNumber(b) - versionNumber(a));
  const deleted: string[] = [];
  for (const version of names.slice(keep)) {
    if ((await aliased()).has(version)) continue;
    try {
      if (await backend.removeVersion(model, version)) deleted.push(version);
    } catch (cause) {
      throw ioError(`removing ${version}`, cause, { version, model });
    }
  }
  return deleted;
}
