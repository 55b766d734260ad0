/**
 * Temporary entries (`.tmp-*`): where saves are assembled, pointers are staged and pruned
 * versions are moved before deletion. Readers ignore them; cleanup removes only old ones,
 * so a save still in progress in another process is never deleted.
 * @module
 */
import { randomBytes } from "node:crypto";
import { TEMP_PREFIX } from "../constants";
import type { RegistryStore } from "./store";

/**
 * A fresh temporary entry name, unique across processes (pid + 48 random bits).
 *
 * @example
 * ```ts
 * tempName("save"); // ".tmp-save-4242-9f86d081884c"
 * ```
 */
export function tempName(kind: string): string {
  return `${TEMP_PREFIX}${kind}-${process.pid}-${randomBytes(6).toString("hex")}`;
}

/** True for names readers must ignore. */
export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/**
 * Removes temporary entries whose mtime is more than `graceMs` before `nowMs`; best effort
 * (an entry that cannot be removed stays, readers ignore it anyway). Returns the removed names.
 *
 * @example
 * ```ts
 * await cleanupTemps(store, Date.now(), 10 * 60_000);
 * ```
 */
export async function cleanupTemps(
  store: RegistryStore,
  nowMs: number,
  graceMs: number,
): Promise<string[]> {
  const removed: string[] = [];
  let entries: Awaited<ReturnType<RegistryStore["entries"]>>;
  try {
    entries = await store.entries();
  } catch {
    return removed;
  }
  for (const e of entries) {
    if (!isTempName(e.name) || nowMs - e.mtimeMs <= graceMs) continue;
    try {
      await store.remove(e.name);
      removed.push(e.name);
    } catch {
      // left for a later cleanup
    }
  }
  return removed;
}
