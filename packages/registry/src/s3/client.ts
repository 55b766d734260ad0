/**
 * The S3 client of the backend, from explicit options or the standard AWS variables. Tuned to fail
 * fast: a registry that cannot be reached should surface as REGISTRY_UNAVAILABLE within seconds,
 * not after the SDK's default unbounded socket wait and three attempts.
 * @module
 */
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { RegistryError } from "../errors";

export interface S3ClientOptions {
  /** An S3-compatible endpoint (`http://127.0.0.1:9000`); default `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`. */
  readonly endpoint?: string;
  /** Default `AWS_REGION`, then `us-east-1`. */
  readonly region?: string;
  /** Path-style addressing (`endpoint/bucket/key`); default true when an endpoint is set. */
  readonly forcePathStyle?: boolean;
  /** Bound on connecting and on each request, per attempt; default 5000 ms. */
  readonly requestTimeoutMs?: number;
  /** Explicit credentials; default the SDK's chain (env, shared files, SSO, instance roles). */
  readonly credentials?: S3ClientConfig["credentials"];
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
export const DEFAULT_REGION = "us-east-1";
/** One retry: enough for a dropped keep-alive socket, short enough to fail fast. */
export const MAX_ATTEMPTS = 2;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** The client configuration for `options`, falling back to `env` (pure, for tests). */
export function resolveClientConfig(
  options: S3ClientOptions,
  env: Readonly<Record<string, string | undefined>> = process.env,
): S3ClientConfig {
  const endpoint =
    nonEmpty(options.endpoint) ??
    nonEmpty(env.AWS_ENDPOINT_URL_S3) ??
    nonEmpty(env.AWS_ENDPOINT_URL);
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new RegistryError(
      "INVALID_ARGUMENT",
      "requestTimeoutMs must be a positive number of milliseconds",
    );
  }
  const config: S3ClientConfig = {
    region: nonEmpty(options.region) ?? nonEmpty(env.AWS_REGION) ?? DEFAULT_REGION,
    forcePathStyle: options.forcePathStyle ?? endpoint !== undefined,
    maxAttempts: MAX_ATTEMPTS,
    requestHandler: {
      connectionTimeout: timeout,
      requestTimeout: timeout,
      throwOnRequestTimeout: true,
    },
  };
  if (endpoint !== undefined) {
    config.endpoint = endpoint;
    // S3-compatible stores differ in their support of the flexible checksums the SDK now sends by
    // default; the registry verifies every artifact's sha256 itself.
    config.requestChecksumCalculation = "WHEN_REQUIRED";
    config.responseChecksumValidation = "WHEN_REQUIRED";
  }
  if (options.credentials !== undefined) config.credentials = options.credentials;
  return config;
}

/** A new client for `options`, without the SDK's Node-version warning on Node 20. */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  const config = resolveClientConfig(options);
  // The SDK supports Node 20 but warns about its future end of support on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return new S3Client(config);
}
