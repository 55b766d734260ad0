/**
 * metadata.json: the caller's fields plus `version`, `created_at`, what identifies the model
 * (`model_name`, `registry_backend`) and the sha256 + size of every other artifact, validated
 * with zod when read back. It is a version's manifest: a file it does not list is not part of
 * the version.
 * @module
 */
import { z } from "zod";
import { HASHED_FILES, type HashedFile } from "./constants";
import type { ArtifactDigest, ModelMetadata } from "./types";
import { isVersionName } from "./version";

/** Names of the optional extra artifacts a version may carry (`evaluation.json`, `predictions.json`). */
export const EXTRA_FILE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}\.json$/;

/** At most this many extra artifacts per version. */
export const MAX_EXTRA_FILES = 16;

const digestSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});

const requiredShape = Object.fromEntries(HASHED_FILES.map((f) => [f, digestSchema])) as Record<
  HashedFile,
  typeof digestSchema
>;

const artifactsSchema = z
  .object(requiredShape)
  .catchall(digestSchema)
  .superRefine((a, ctx) => {
    const extras = Object.keys(a).filter((f) => !(HASHED_FILES as readonly string[]).includes(f));
    for (const f of extras) {
      if (!EXTRA_FILE_PATTERN.test(f)) {
        ctx.addIssue({ code: "custom", path: [f], message: "not an allowed artifact name" });
      }
    }
    if (extras.length > MAX_EXTRA_FILES) {
      ctx.addIssue({ code: "custom", message: `more than ${MAX_EXTRA_FILES} extra artifacts` });
    }
  });

/** Schema of the registry-owned part of metadata.json; caller fields pass through. */
export const metadataSchema = z.looseObject({
  version: z.string().refine(isVersionName, "not a version name"),
  created_at: z.iso.datetime(),
  artifacts: artifactsSchema,
});

const RESERVED = new Set(["version", "created_at", "model_name", "registry_backend", "artifacts"]);

/** What the registry itself records about where a version lives (no path, no bucket). */
export interface Placement {
  readonly model: string;
  readonly backend: string;
}

/**
 * Builds metadata.json content: `version`, `created_at`, `model_name`, `registry_backend`, the
 * caller's other fields in their order, then `artifacts` (required files first, extras sorted).
 *
 * @example
 * ```ts
 * buildMetadata({ symbols: ["AAPL"] }, "v1", "2025-01-01T00:00:00.000Z", { model: "default", backend: "fs" }, digests);
 * ```
 */
export function buildMetadata(
  caller: Record<string, unknown>,
  version: string,
  createdAt: string,
  placement: Placement,
  digests: ReadonlyMap<string, ArtifactDigest>,
): ModelMetadata {
  const out: Record<string, unknown> = {
    version,
    created_at: createdAt,
    model_name: placement.model,
    registry_backend: placement.backend,
  };
  for (const [k, v] of Object.entries(caller)) if (!RESERVED.has(k)) out[k] = v;
  const artifacts: Record<string, ArtifactDigest> = {};
  for (const [f, d] of digests) artifacts[f] = { sha256: d.sha256, bytes: d.bytes };
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
