/**
 * Registry locations and the table of backends they select. A location is a path or
 * `file://…` (the filesystem backend) or `s3://bucket/prefix` (the S3 backend); adding a backend
 * is one folder and one line in {@link BACKENDS}.
 * @module
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RegistryBackend } from "./backend";
import { RegistryError } from "./errors";
import { createFsBackend, type FsBackendOptions } from "./fs/fs-backend";
import { createS3Backend, parseS3Location, type S3BackendOptions } from "./s3/backend";

/** The default location when nothing names one. */
export const DEFAULT_REGISTRY_LOCATION = "artifacts/models";

export interface BackendOptions {
  readonly fs?: FsBackendOptions;
  readonly s3?: Omit<S3BackendOptions, "bucket" | "prefix">;
}

interface BackendEntry {
  /** True when the location belongs to this backend. */
  matches(location: string): boolean;
  open(location: string, options: BackendOptions): RegistryBackend;
}

function fsPath(location: string): string {
  if (!location.startsWith("file:")) return location;
  try {
    return fileURLToPath(location);
  } catch (cause) {
    throw new RegistryError("INVALID_ARGUMENT", `registry location is not a valid file:// URL`, {
      cause,
    });
  }
}

/** Backends by location scheme; the first that matches opens the registry. */
export const BACKENDS: Readonly<Record<"s3" | "fs", BackendEntry>> = {
  s3: {
    matches: (l) => /^s3:\/\//i.test(l),
    open: (l, o) => createS3Backend({ ...o.s3, ...parseS3Location(l) }),
  },
  fs: {
    matches: (l) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(l) || l.startsWith("file://"),
    open: (l, o) => createFsBackend(fsPath(l), o.fs),
  },
};

/**
 * The backend for `location`; throws INVALID_ARGUMENT for an unknown scheme or an empty location.
 *
 * @example
 * ```ts
 * openBackend("s3://models/prod").kind; // "s3"
 * openBackend("artifacts/models").kind; // "fs"
 * ```
 */
export function openBackend(location: string, options: BackendOptions = {}): RegistryBackend {
  if (typeof location !== "string" || location.trim() === "") {
    throw new RegistryError("INVALID_ARGUMENT", "registry location is empty");
  }
  for (const entry of Object.values(BACKENDS)) {
    if (entry.matches(location)) return entry.open(location, options);
  }
  const scheme = location.slice(0, location.indexOf(":"));
  throw new RegistryError(
    "INVALID_ARGUMENT",
    `registry location scheme ${JSON.stringify(scheme.slice(0, 20))} is not supported (use a path, file://… or s3://bucket/prefix)`,
  );
}

/**
 * Resolves a user-given filesystem location against `cwd`; other locations pass through.
 *
 * @example
 * ```ts
 * resolveLocation("models", "/home/me"); // "/home/me/models"
 * resolveLocation("s3://b/p", "/home/me"); // "s3://b/p"
 * ```
 */
export function resolveLocation(location: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
  return path.resolve(cwd, location);
}
