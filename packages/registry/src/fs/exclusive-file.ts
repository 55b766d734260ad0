/**
 * Create-if-absent of one whole file: written and flushed under a temporary name, then linked
 * to its final name with `link(2)`, which fails when the name exists. Readers see the whole file
 * or none; of two creators of the same name exactly one wins. Alias-history entries use it.
 * @module
 */
import fs from "node:fs/promises";
import path from "node:path";
import { isCode, syncDir } from "./sync-dir";
import { tempName } from "./temp";

/**
 * Creates `dir/name` holding `data` unless it exists; resolves false (changing nothing) when it does.
 *
 * @example
 * ```ts
 * await createExclusiveFile("/srv/models/history/active", "000000000001.json", bytes); // true
 * ```
 */
export async function createExclusiveFile(
  dir: string,
  name: string,
  data: Uint8Array,
): Promise<boolean> {
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, tempName("entry"));
  const handle = await fs.open(temp, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, path.join(dir, name));
  } catch (e) {
    if (isCode(e, "EEXIST")) return false;
    throw e;
  } finally {
    await fs.rm(temp, { force: true });
  }
  await syncDir(dir);
  return true;
}
