import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";

/** Content types of the files the UI and docs builds contain (anything else is octet-stream). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticFile {
  readonly body: Uint8Array;
  readonly contentType: string;
}

/**
 * Reads `relPath` under `root`, or returns null when it is missing, a folder, or would leave
 * `root` (`..`, an absolute path, a NUL byte, a backslash, a dot-file). `relPath` is the part of
 * the URL path after the mount point, already percent-decoded by the caller.
 *
 * @example
 * ```ts
 * await readStaticFile("/srv/ui/dist", "assets/index-abc.js"); // { body, contentType: "text/javascript; ..." }
 * ```
 */
export async function readStaticFile(root: string, relPath: string): Promise<StaticFile | null> {
  if (relPath.includes("\0") || relPath.includes("\\")) return null;
  const parts = relPath.split("/").filter((p) => p.length > 0);
  if (parts.length === 0 || parts.some((p) => p.startsWith("."))) return null;
  const base = resolve(root);
  const file = resolve(base, ...parts);
  if (!file.startsWith(base + sep)) return null;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return {
      body: await readFile(file),
      contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    };
  } catch {
    return null;
  }
}
