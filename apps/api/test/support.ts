import { Writable } from "node:stream";
import { createSampleSource, type MarketDataSource } from "@mle/market-client";
import { pino, type Logger } from "pino";
import { type AppDeps, createApp } from "../src/app";
import { loadApiConfig } from "../src/config";
import { createLogger } from "../src/logger";

/** A logger that keeps every JSON line it writes, for assertions. */
export function captureLogger(level = "info"): {
  logger: Logger;
  lines: () => Record<string, unknown>[];
} {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger({ level, destination: stream });
  return {
    logger,
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A silent logger. */
export const silentLogger: Logger = pino({ level: "silent" });

/** The app over the real sample source, with defaults from an env map. */
export function sampleApp(
  env: Record<string, string> = {},
  deps: Partial<AppDeps> = {},
): ReturnType<typeof createApp> {
  return createApp({
    source: deps.source ?? createSampleSource(),
    config: loadApiConfig(env, { cwd: "/srv" }),
    logger: silentLogger,
    ...deps,
  });
}

/** A source whose getCandles always rejects with `error` (a tiny in-test implementation). */
export function failingSource(error: unknown): MarketDataSource {
  return {
    kind: "test",
    getCandles: async () => {
      throw error;
    },
  };
}

/** Parses an error envelope and returns it. */
export async function envelope(
  res: Response,
): Promise<{ code: string; message: string; details?: { path: string; message: string }[] }> {
  const body = (await res.json()) as {
    error: { code: string; message: string; details?: { path: string; message: string }[] };
  };
  return body.error;
}
