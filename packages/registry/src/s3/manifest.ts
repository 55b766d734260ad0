/**
 * The version manifest is the version's `metadata.json`, byte for byte; its
 * `artifacts: { "<file>": { sha256, bytes } }` is the index from file names to blobs.
 * @module
 */
import { createHash } from "node:crypto";
import { RegistryError } from "../errors";

export const MANIFEST_FILE = "metadata.json";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** One artifact to upload: its file name, bytes and the sha256 they hash to. */
export interface BlobUpload {
  readonly file: string;
  readonly sha256: string;
  readonly data: Uint8Array;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function parseArtifacts(manifest: Uint8Array): Record<string, unknown> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(manifest));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const artifacts = (parsed as { artifacts?: unknown }).artifacts;
  if (typeof artifacts !== "object" || artifacts === null || Array.isArray(artifacts)) return null;
  return artifacts as Record<string, unknown>;
}

/**
 * The blob digest the manifest lists for `file`, or null when the manifest is not JSON or does not
 * list it (loosely: the registry validates metadata itself and reports what is wrong).
 */
export function listedDigest(manifest: Uint8Array, file: string): string | null {
  const artifacts = parseArtifacts(manifest);
  if (artifacts === null || !Object.hasOwn(artifacts, file)) return null;
  const entry = artifacts[file];
  if (typeof entry !== "object" || entry === null) return null;
  const sha256 = (entry as { sha256?: unknown }).sha256;
  return typeof sha256 === "string" && SHA256_HEX.test(sha256) ? sha256 : null;
}

/** The blob digests a manifest lists, in file order (unparseable or unlisted entries skipped). */
export function listedDigests(manifest: Uint8Array): string[] {
  const artifacts = parseArtifacts(manifest);
  if (artifacts === null) return [];
  return Object.keys(artifacts)
    .sort()
    .flatMap((file) => {
      const sha = listedDigest(manifest, file);
      return sha === null ? [] : [sha];
    });
}

/**
 * The manifest and the blobs of a new version. Every other file must be listed in the manifest
 * with the sha256 of its bytes: the manifest is the only index, so a file it does not name (or
 * names with another digest) could never be read back.
 * @throws RegistryError `INVALID_ARGUMENT` otherwise.
 */
export function planVersion(
  version: string,
  files: ReadonlyMap<string, Uint8Array>,
): { manifest: Uint8Array; blobs: BlobUpload[] } {
  const manifest = files.get(MANIFEST_FILE);
  if (manifest === undefined) {
    throw new RegistryError("INVALID_ARGUMENT", `a version needs ${MANIFEST_FILE}`, { version });
  }
  const blobs: BlobUpload[] = [];
  for (const [file, data] of files) {
    if (file === MANIFEST_FILE) continue;
    const sha256 = sha256Hex(data);
    if (listedDigest(manifest, file) !== sha256) {
      throw new RegistryError(
        "INVALID_ARGUMENT",
        `${MANIFEST_FILE} does not list ${file} with the sha256 of its bytes`,
        { version, file },
      );
    }
    blobs.push({ file, sha256, data });
  }
  return { manifest, blobs };
}
