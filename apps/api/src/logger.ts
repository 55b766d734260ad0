import { type DestinationStream, type Logger, pino } from "pino";

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
  return options.destination === undefined
    ? pino(pinoOptions)
    : pino(pinoOptions, options.destination);
}

export type { Logger };
