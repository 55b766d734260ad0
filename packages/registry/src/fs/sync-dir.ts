/**
 * Small filesystem helpers of the filesystem backend: errno matching and the directory fsync that
 * makes a rename or a create durable.
 * @module
 */
import { constants } from "node:fs";
import fs from "node:fs/promises";

/** True when `e` is a Node error with one of these `code`s. */
export function isCode(e: unknown, ...codes: string[]): boolean {
  return typeof e === "object" && e !== null && codes.includes((e as { code?: string }).code ?? "");
}

/** fsync a directory so a rename or create inside it survives a power loss (best effort off Linux). */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch (e) {
    if (!isCode(e, "EISDIR", "EINVAL", "EPERM", "EBADF")) throw e;
  } finally {
    await handle?.close();
  }
}
