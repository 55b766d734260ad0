/**
 * The active-version pointer `active.json`: staged in a temporary file, flushed, then renamed
 * over the old pointer, so readers see the old or the new version, never a torn file.
 * @module
 */
import { ACTIVE_FILE } from "./constants";
import { ioError, RegistryError } from "./errors";
import { parseJsonBytes, toJsonBytes } from "./json";
import type { RegistryStore } from "./store";
import { tempName } from "./temp";
import { isVersionName } from "./version";

/**
 * The version the pointer names, or null when no pointer exists.
 * Throws MODEL_CORRUPT (file `active.json`) when the pointer is unreadable or names an invalid version.
 *
 * @example
 * ```ts
 * await readActive(store); // "v3" | null
 * ```
 */
export async function readActive(store: RegistryStore): Promise<string | null> {
  let result: Awaited<ReturnType<RegistryStore["read"]>>;
  try {
    result = await store.read(null, ACTIVE_FILE);
  } catch (cause) {
    throw ioError(`reading ${ACTIVE_FILE}`, cause, { file: ACTIVE_FILE });
  }
  if (result.kind === "missing") return null;
  const corrupt = (why: string) =>
    new RegistryError("MODEL_CORRUPT", `active pointer ${ACTIVE_FILE} ${why}`, {
      file: ACTIVE_FILE,
    });
  if (result.kind === "invalid") throw corrupt(`is a ${result.type}, not a regular file`);
  const parsed = parseJsonBytes(result.data);
  const version =
    parsed.ok && typeof parsed.value === "object" && parsed.value !== null
      ? (parsed.value as { version?: unknown }).version
      : undefined;
  if (!isVersionName(version)) throw corrupt('is not valid (expected {"version": "vN"})');
  return version;
}

/**
 * Points `active.json` at `version` atomically (write temp + fsync + rename + fsync folder).
 *
 * @example
 * ```ts
 * await writeActive(store, "v2", new Date().toISOString());
 * ```
 */
export async function writeActive(
  store: RegistryStore,
  version: string,
  at: string,
): Promise<void> {
  const temp = tempName("active");
  const data = toJsonBytes({ version, activated_at: at }, ACTIVE_FILE);
  try {
    await store.write(null, temp, data);
    await store.replace(temp, ACTIVE_FILE);
  } catch (cause) {
    await store.remove(temp).catch(() => undefined);
    throw ioError(`writing ${ACTIVE_FILE}`, cause, { version, file: ACTIVE_FILE });
  }
}
