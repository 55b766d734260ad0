import { type DestinationStream, type Logger, pino } from "pino";
import { createLogDestination } from "./log-destination";

/** Paths pino removes from every log line so secrets never reach the logs. */
export const REDACT_PATHS = [
  "authorization",
  "headers.authorization",
  "req.headers.authorization",
  "request.headers.authorization",
  "adminToken",
  "config.adminToken",
  "*.adminToken",
  "ADMIN_TOKEN",
  "env.ADMIN_TOKEN",
];

/**
 * The API's JSON logger: one object per line, ISO timestamps, secrets redacted.
 *
 * Without a `destination` it writes to stdout asynchronously ({@link createLogDestination}): a
 * line goes out at once when no write is in flight, and lines logged meanwhile leave together in
 * the next write. Under load that is one `write` per many request lines instead of one blocking
 * `write` each (serving bench, README "Performance"). The process (`server.ts`) flushes what is
 * still buffered on exit, bounded in time; a SIGKILL can lose the last few lines.
 *
 * @example
 * ```ts
 * const logger = createLogger({ level: "info" });
 * logger.info({ port: 8000 }, "listening");
 * ```
 */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  const pinoOptions = {
    level: options.level,
    base: { service: "mle-api" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  return pino(pinoOptions, options.destination ?? createLogDestination(process.stdout.fd));
}

export type { Logger };
