/**
 * `s3://bucket/prefix` locations. Messages never echo the input: a mistyped location may hold a
 * credential (`s3://KEY:SECRET@bucket`).
 * @module
 */
import { RegistryError } from "../errors";

export interface S3Location {
  readonly bucket: string;
  /** `""` for the bucket root; otherwise without leading or trailing `/`. */
  readonly prefix: string;
}

const SCHEME = "s3://";
/** S3's rules for general-purpose bucket names, minus the dotted-IP form, checked below. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_LIKE = /^\d+\.\d+\.\d+\.\d+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function invalid(reason: string): RegistryError {
  return new RegistryError("INVALID_ARGUMENT", `invalid S3 registry location: ${reason}`);
}

/** Checks a bucket name; throws RegistryError INVALID_ARGUMENT. */
export function checkBucket(bucket: string): void {
  if (!BUCKET.test(bucket) || IP_LIKE.test(bucket) || bucket.includes("..")) {
    throw invalid(
      "the bucket name must be 3-63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or digit",
    );
  }
}

/** Normalises a key prefix (`/a/b/` → `a/b`); throws RegistryError INVALID_ARGUMENT. */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, "").replace(/\/+$/, "");
  if (trimmed === "") return "";
  if (CONTROL.test(trimmed)) throw invalid("the prefix holds a control character");
  for (const segment of trimmed.split("/")) {
    if (segment === "" || segment === "." || segment === "..") {
      throw invalid("the prefix has an empty, '.' or '..' segment");
    }
  }
  return trimmed;
}

/**
 * Splits `s3://bucket/some/prefix` into its bucket and key prefix.
 *
 * @example
 * ```ts
 * parseS3Location("s3://models/prod/"); // { bucket: "models", prefix: "prod" }
 * parseS3Location("s3://models");       // { bucket: "models", prefix: "" }
 * ```
 * @throws RegistryError `INVALID_ARGUMENT` for anything else.
 */
export function parseS3Location(location: string): S3Location {
  if (typeof location !== "string" || !location.startsWith(SCHEME)) {
    throw invalid("expected s3://bucket or s3://bucket/prefix");
  }
  const rest = location.slice(SCHEME.length);
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  if (bucket === "") throw invalid("the bucket name is missing (expected s3://bucket/prefix)");
  checkBucket(bucket);
  const prefix = slash === -1 ? "" : normalisePrefix(rest.slice(slash + 1));
  return { bucket, prefix };
}

/** The human form of a location, `s3://bucket` or `s3://bucket/prefix`. */
export function formatS3Location({ bucket, prefix }: S3Location): string {
  return prefix === "" ? `${SCHEME}${bucket}` : `${SCHEME}${bucket}/${prefix}`;
}
