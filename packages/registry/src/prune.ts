/**
 * Pruning old versions of one model. The backend removes a version so readers see it vanish at
 * once, never half-deleted. A version any alias points at is never deleted.
 * @module
 */
import type { RegistryBackend } from "./backend";
import { HASHED_FILES } from "./constants";
import { ioError, RegistryError } from "./errors";
import { parseJsonBytes } from "./json";
import { EXTRA_FILE_PATTERN } from "./metadata";
import { versionNumber } from "./version";

/**
 * Deletes all but the `keep` newest versions (by number), sparing every aliased one. `aliased` is
 * asked before each deletion and again after it: an alias moved onto the version meanwhile (by an
 * `activate` racing the prune) gets the version back, restored from the bytes read before the
 * removal, so an alias never stays on a removed version. A version removed meanwhile by another
 * prune is skipped, not an error. Returns the deleted version names, newest first.
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
      const files = await readAll(backend, model, version);
      if (files === null || !(await backend.removeVersion(model, version))) continue;
      if ((await aliased()).has(version)) {
        await backend.createVersion(model, version, files);
        continue;
      }
      deleted.push(version);
    } catch (cause) {
      throw ioError(`removing ${version}`, cause, { version, model });
    }
  }
  return deleted;
}

/** Every stored file of a version (for a restore), or null when it is gone or unreadable as one. */
async function readAll(
  backend: RegistryBackend,
  model: string,
  version: string,
): Promise<Map<string, Uint8Array> | null> {
  const stored = await backend.readVersion(model, version);
  if (stored === null) return null;
  const files = new Map<string, Uint8Array>();
  const manifest = await stored.read("metadata.json");
  if (manifest.kind !== "ok") return files; // corrupt: nothing to restore, removal is the repair
  files.set("metadata.json", manifest.data);
  const parsed = parseJsonBytes(manifest.data);
  const artifacts = parsed.ok ? (parsed.value as { artifacts?: unknown }).artifacts : undefined;
  if (typeof artifacts !== "object" || artifacts === null) return files;
  for (const name of Object.keys(artifacts)) {
    if (!EXTRA_FILE_PATTERN.test(name) && !(HASHED_FILES as readonly string[]).includes(name))
      continue;
    const read = await stored.read(name);
    if (read.kind === "ok") files.set(name, read.data);
  }
  return files;
}
