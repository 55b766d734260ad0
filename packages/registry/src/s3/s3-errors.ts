/**
 * What an S3 failure means for the registry. The SDK raises service errors named by S3's code
 * (`NoSuchKey`, `PreconditionFailed`, ...) with `$metadata.httpStatusCode`, and plain Node errors
 * (`ECONNREFUSED`) or `TimeoutError` when no answer came. Messages name the location and a short
 * reason only: never a key, a header or a credential.
 * @module
 */
import { isRegistryError, RegistryError, type RegistryErrorOptions } from "../errors";

interface SdkErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

export type S3Failure =
  | { readonly kind: "unavailable"; readonly reason: string }
  | { readonly kind: "denied"; readonly reason: string }
  | { readonly kind: "no-bucket" }
  | { readonly kind: "failed"; readonly reason: string };

/** Socket-level failures: nothing (or nothing complete) came back from the store. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
]);
/** Service answers that mean "try later", not "you asked for something wrong". */
const BUSY_NAMES = new Set(["RequestTimeout", "SlowDown", "ServiceUnavailable", "InternalError"]);
const DENIED_NAMES = new Set([
  "AccessDenied",
  "AllAccessDisabled",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "InvalidToken",
]);

function shape(e: unknown): SdkErrorShape {
  return typeof e === "object" && e !== null ? (e as SdkErrorShape) : {};
}

function nameOf(e: unknown): string | undefined {
  const { name } = shape(e);
  return typeof name === "string" ? name : undefined;
}

function codeOf(e: unknown): string | undefined {
  const { code } = shape(e);
  return typeof code === "string" ? code : undefined;
}

/** The HTTP status S3 answered with, when it answered. */
export function httpStatus(e: unknown): number | undefined {
  const status = shape(e).$metadata?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
}

/** The object does not exist (`NoSuchKey`, or a bare 404 from HeadObject); a missing bucket is not this. */
export function isNotFound(e: unknown): boolean {
  const name = nameOf(e);
  if (name === "NoSuchBucket") return false;
  return name === "NoSuchKey" || name === "NotFound" || httpStatus(e) === 404;
}

/** A conditional write lost: `If-None-Match`/`If-Match` did not hold, or raced another writer. */
export function isConditionFailed(e: unknown): boolean {
  const name = nameOf(e);
  const status = httpStatus(e);
  return (
    name === "PreconditionFailed" ||
    name === "ConditionalRequestConflict" ||
    status === 412 ||
    status === 409
  );
}

/** Classifies a failure that is neither "not found" nor "condition failed". */
export function classifyS3Error(e: unknown): S3Failure {
  const name = nameOf(e);
  const code = codeOf(e);
  const status = httpStatus(e);
  if (code !== undefined && NETWORK_CODES.has(code)) return { kind: "unavailable", reason: code };
  if (name === "TimeoutError") return { kind: "unavailable", reason: "timed out" };
  if (status === undefined && code === undefined && name === "AbortError") {
    return { kind: "unavailable", reason: "aborted" };
  }
  if ((status !== undefined && (status >= 500 || status === 429)) || BUSY_NAMES.has(name ?? "")) {
    const label = name === undefined || name === "Unknown" ? "" : ` ${name}`;
    return { kind: "unavailable", reason: `HTTP ${status ?? "?"}${label}` };
  }
  if (name === "NoSuchBucket") return { kind: "no-bucket" };
  if (DENIED_NAMES.has(name ?? "") || status === 403) {
    return { kind: "denied", reason: name ?? "HTTP 403" };
  }
  const parts = [name ?? code ?? "unknown error", status === undefined ? "" : `HTTP ${status}`];
  return { kind: "failed", reason: parts.filter((p) => p !== "").join(", ") };
}

/** Where the failure happened, for the message. */
export interface S3ErrorContext {
  /** `s3://bucket/prefix`. */
  readonly location: string;
  readonly bucket: string;
}

/**
 * The RegistryError for a failed S3 call made while `action` (e.g. "reading v3"); the SDK error
 * stays reachable as `cause`. A RegistryError passes through unchanged.
 */
export function toRegistryError(
  ctx: S3ErrorContext,
  action: string,
  e: unknown,
  options: Omit<RegistryErrorOptions, "cause"> = {},
): RegistryError {
  if (isRegistryError(e)) return e;
  const failure = classifyS3Error(e);
  const opts = { ...options, cause: e };
  const where = `model registry store ${ctx.location}`;
  switch (failure.kind) {
    case "unavailable":
      return new RegistryError(
        "REGISTRY_UNAVAILABLE",
        `${where} is unreachable (${failure.reason})`,
        opts,
      );
    case "denied":
      return new RegistryError(
        "REGISTRY_IO",
        `${where}: access to bucket "${ctx.bucket}" was denied while ${action} (${failure.reason}); check the credentials and the bucket policy`,
        opts,
      );
    case "no-bucket":
      return new RegistryError(
        "REGISTRY_IO",
        `${where}: bucket "${ctx.bucket}" does not exist (NoSuchBucket)`,
        opts,
      );
    case "failed":
      return new RegistryError(
        "REGISTRY_IO",
        `${where}: S3 failed while ${action} (${failure.reason})`,
        opts,
      );
    default: {
      const never: never = failure;
      return never;
    }
  }
}
