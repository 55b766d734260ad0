/**
 * Typed errors of the registry. Messages name at most a version and a file inside it,
 * never an absolute path: they may reach HTTP clients.
 * @module
 */

/** Stable error codes; callers switch on these, never on messages. */
export const RegistryErrorCode = {
  /** A version name that does not match `^v[1-9][0-9]{0,8}$` (checked before any filesystem access). */
  INVALID_VERSION: "INVALID_VERSION",
  /** The version folder does not exist. */
  MODEL_NOT_FOUND: "MODEL_NOT_FOUND",
  /** The version exists but an artifact is missing, truncated, altered, a symlink, or metadata is invalid. */
  MODEL_CORRUPT: "MODEL_CORRUPT",
  /** No active version is set (or the pointer names a version that is gone). */
  NO_ACTIVE_MODEL: "NO_ACTIVE_MODEL",
  /** The storage failed: read-only folder, disk full, permission denied, ... */
  REGISTRY_IO: "REGISTRY_IO",
  /** A caller passed something unusable (prune keep < 1, artifacts that are not JSON-serialisable). */
  INVALID_ARGUMENT: "INVALID_ARGUMENT",
  REGISTRY_UNAVAILABLE: "REGISTRY_UNAVAILABLE",
} as const;

export type RegistryErrorCode = (typeof RegistryErrorCode)[keyof typeof RegistryErrorCode];

export interface RegistryErrorOptions {
  /** The version concerned, when there is one. */
  readonly version?: string;
  /** The artifact file concerned (e.g. `model.json`), when there is one. */
  readonly file?: string;
  readonly cause?: unknown;
}

/**
 * The single error class of `@mle/registry`.
 *
 * @example
 * ```ts
 * try { await registry.load("v3"); }
 * catch (e) { if (isRegistryError(e) && e.code === "MODEL_CORRUPT") console.error(e.file); }
 * ```
 */
export class RegistryError extends Error {
  override name = "RegistryError" as const;
  readonly code: RegistryErrorCode;
  readonly version: string | undefined;
  readonly file: string | undefined;

  constructor(code: RegistryErrorCode, message: string, options: RegistryErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.version = options.version;
    this.file = options.file;
  }
}

/**
 * True for a {@link RegistryError}, also one from another loaded copy of this package (matched by `name`).
 *
 * @example
 * ```ts
 * if (isRegistryError(e, "NO_ACTIVE_MODEL")) return res.status(503);
 * ```
 */
export function isRegistryError(e: unknown, code?: RegistryErrorCode): e is RegistryError {
  if (e instanceof RegistryError) return code === undefined || e.code === code;
  if (typeof e !== "object" || e === null) return false;
  const candidate = e as { name?: unknown; code?: unknown };
  if (candidate.name !== "RegistryError" || typeof candidate.code !== "string") return false;
  return code === undefined || candidate.code === code;
}

/** Node error code (`ENOSPC`, `EACCES`, ...) of an unknown error, or `"unknown error"`. */
export function ioCode(e: unknown): string {
  if (typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return "unknown error";
}

/** Wraps a storage failure as REGISTRY_IO without leaking the absolute path from Node's message. */
export function ioError(
  action: string,
  cause: unknown,
  options: RegistryErrorOptions = {},
): RegistryError {
  if (isRegistryError(cause)) return cause;
  return new RegistryError(
    "REGISTRY_IO",
    `registry I/O failed while ${action} (${ioCode(cause)})`,
    {
      ...options,
      cause,
    },
  );
}
