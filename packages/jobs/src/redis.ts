import { Redis, type RedisOptions } from "ioredis";
import { JobsError } from "./errors";

/** The queue's Redis when none is configured: the machine's own, on the default port. */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** The URL with any password replaced, for messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "(unparseable URL)";
  }
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new JobsError(
      "INVALID_REDIS_URL",
      "REDIS_URL is not a URL (expected redis://host:port)",
      {
        cause,
      },
    );
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new JobsError(
      "INVALID_REDIS_URL",
      `REDIS_URL must start with redis:// or rediss:// (got ${parsed.protocol}//)`,
    );
  }
  return url;
}

export interface ConnectOptions {
  /** How long to wait for the first connection before failing (ms); default 3000. */
  readonly connectTimeoutMs?: number;
}

/**
 * A connected client for one-shot commands (`mle jobs …`): fails fast with `REDIS_UNAVAILABLE`
 * instead of queueing commands while Redis is down.
 */
export async function connectRedis(url: string, options: ConnectOptions = {}): Promise<Redis> {
  const timeout = options.connectTimeoutMs ?? 3000;
  const client = new Redis(checkedUrl(url), {
    lazyConnect: true,
    connectTimeout: timeout,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  // Errors surface through connect() below; without a listener ioredis prints them.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (cause) {
    client.disconnect();
    throw unavailable(url, cause);
  }
  return client;
}

/**
 * Connection options for a long-running worker: wait through Redis outages (commands are
 * retried until Redis returns), as BullMQ requires for its blocking connections.
 */
export function workerRedisOptions(url: string, onError: (error: Error) => void): Redis {
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(200 * attempt, 2000),
  };
  const client = new Redis(checkedUrl(url), options);
  client.on("error", onError);
  return client;
}

export function unavailable(url: string, cause: unknown): JobsError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new JobsError(
    "REDIS_UNAVAILABLE",
    `cannot reach Redis at ${redactRedisUrl(url)} (${reason}); start it or set REDIS_URL`,
    { cause },
  );
}
