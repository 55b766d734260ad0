/**
 * Where the S3 backend keeps things under the registry prefix `P` (`s3://bucket/P`):
 *
 * ```text
 * P/blobs/sha256/<hex>                            artifact bytes, keyed by their own sha256
 * P/models/<model>/versions/<vN>.json             version manifest = the bytes of metadata.json
 * P/models/<model>/aliases/<alias>.json           alias pointer, moved with If-Match: <etag>
 * P/models/<model>/history/<alias>/<seq>.json     alias history entry, seq as 12 digits
 * ```
 *
 * - A version is its manifest: the artifacts (`model.json`, ...) are found through
 *   `metadata.json`'s `artifacts: { "<file>": { sha256, bytes } }`. Blobs are written first and the
 *   manifest last with `If-None-Match: *`, so the manifest's creation is the commit point: a reader
 *   sees the whole version or none of it, and of two writers of `vN` exactly one wins.
 * - Blobs are shared by content between versions and models, so removing a version deletes only its
 *   manifest; `collectGarbage` (after a prune) deletes the blobs no manifest lists that are older
 *   than the grace period (writers rewrite their blobs just before committing).
 * - Every name in a key was validated by the registry before it reached the backend.
 * @module
 */

/** Keys of one registry prefix; `prefix` is `""` or has no leading or trailing `/`. */
export interface Layout {
  blob(sha256: string): string;
  /** `P/models/`: the common prefixes under it are the model names. */
  modelsRoot(): string;
  versionsDir(model: string): string;
  manifest(model: string, version: string): string;
  aliasesDir(model: string): string;
  alias(model: string, alias: string): string;
  historyDir(model: string, alias: string): string;
  historyEntry(model: string, alias: string, seq: number): string;
}

/** History sequence numbers are zero-padded to this many digits so keys list in order. */
export const HISTORY_SEQ_DIGITS = 12;

const JSON_SUFFIX = ".json";

/** The keys of the registry at `prefix` (`""` for the bucket root). */
export function createLayout(prefix: string): Layout {
  const root = prefix === "" ? "" : `${prefix}/`;
  const model = (m: string) => `${root}models/${m}/`;
  return {
    blob: (sha256) => `${root}blobs/sha256/${sha256}`,
    modelsRoot: () => `${root}models/`,
    versionsDir: (m) => `${model(m)}versions/`,
    manifest: (m, v) => `${model(m)}versions/${v}${JSON_SUFFIX}`,
    aliasesDir: (m) => `${model(m)}aliases/`,
    alias: (m, a) => `${model(m)}aliases/${a}${JSON_SUFFIX}`,
    historyDir: (m, a) => `${model(m)}history/${a}/`,
    historyEntry: (m, a, seq) =>
      `${model(m)}history/${a}/${String(seq).padStart(HISTORY_SEQ_DIGITS, "0")}${JSON_SUFFIX}`,
  };
}

/**
 * The `<name>` of a listed key `<dir><name>.json`, or null for anything else (a nested key, another
 * suffix, an empty name): foreign objects under the prefix are ignored, not misread.
 */
export function jsonEntryName(dir: string, key: string): string | null {
  if (!key.startsWith(dir) || !key.endsWith(JSON_SUFFIX)) return null;
  const name = key.slice(dir.length, key.length - JSON_SUFFIX.length);
  return name === "" || name.includes("/") ? null : name;
}

/** The sequence number of a history entry's `<name>`, or null when it is not 12 digits. */
export function historySeq(name: string): number | null {
  return new RegExp(`^[0-9]{${HISTORY_SEQ_DIGITS}}$`).test(name) ? Number(name) : null;
}

/** True for a sequence number that fits the 12-digit key. */
export function isHistorySeq(seq: number): boolean {
  return Number.isSafeInteger(seq) && seq >= 0 && seq < 10 ** HISTORY_SEQ_DIGITS;
}
