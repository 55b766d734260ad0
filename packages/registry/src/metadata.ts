/**
 * metadata.json: the caller's fields plus `version`, `created_at` and the sha256 + size of the
 * four other artifacts, validated with zod when read back.
 * @module
 */
import { z } from "zod";
import { HASHED_FILES, type HashedFile } from "./constants";
import type { ArtifactDigest, ModelMetadata } from "./types";
import { isVersionName } from "./version";

const digestSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});

const artifactsShape = Object.fromEntries(HASHED_FILES.map((f) => [f, digestSchema])) as Record<
  HashedFile,
  typeof digestSchema
>;

/** Schema of the registry-owned part of metadata.json; caller fields pass through. */
export const metadataSchema = z.looseObject({
  version: z.string().refine(isVersionName, "not a version name"),
  created_at: z.iso.datetime(),
  artifacts: z.object(artifactsShape),
});

const RESERVED = new Set(["version", "created_at", "artifacts"]);

/**
 * Builds metadata.json content: `version`, `created_at`, the caller's other fields in their
 * order, then `artifacts` in {@link HASHED_FILES} order.
 *
 * @example
 * ```ts
 * buildMetadata({ symbols: ["AAPL"] }, "v1", "2025-01-01T00:00:00.000Z", digests);
 * ```
 */
export function buildMetadata(
  caller: Record<string, unknown>,
  version: string,
  createdAt: string,
  digests: Readonly<Record<HashedFile, ArtifactDigest>>,
): ModelMetadata {
  const out: Record<string, unknown> = { version, created_at: createdAt };
  for (const [k, v] of Object.entries(caller)) if (!RESERVED.has(k)) out[k] = v;
  const artifacts: Record<string, ArtifactDigest> = {};
  for (const f of HASHED_FILES)
    artifacts[f] = { sha256: digests[f].sha256, bytes: digests[f].bytes };
  out.artifacts = artifacts;
  return out as ModelMetadata;
}

/** First problem of parsed metadata as `field: message`, or null when it is valid. */
export function metadataProblem(value: unknown, expectedVersion: string): string | null {
  const parsed = metadataSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
    return `invalid ${where}${issue ? `: ${issue.message}` : ""}`;
  }
  if (parsed.data.version !== expectedVersion) {
    return `records version ${JSON.stringify(parsed.data.version)}, not ${expectedVersion}`;
  }
  return null;
}
