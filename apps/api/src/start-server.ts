/**
 * `startApiServer`: reads the environment, builds the source, registry and app, listens, and
 * shuts down gracefully on SIGTERM/SIGINT. Used by `server.ts` (`pnpm start`, the Docker image)
 * and by `mle serve`; the only code that listens or installs signal handlers.
 * @module
 */
import { serve } from "@hono/node-server";
import { loadMarketDataConfig } from "@mle/market-client";
import { createPredictor, MODEL_CONTENT_CHECKS } from "@mle/inference";
import { openRegistry } from "@mle/registry";
import pkg from "../package.json";
import { createApp, predictorOptionsFor } from "./app";
import { createServer, type RequestListener, type ServerOptions } from "node:http";
import { clientErrorHandler, routableOnly } from "./client-error";
import { loadApiConfig } from "./config";
import { createLifecycle } from "./lifecycle";
import { createLogDestination } from "./log-destination";
import { createLogger } from "./logger";
import { createSource } from "./market-source";
import { createApiMetrics } from "./metrics/api-metrics";
import { installGracefulShutdown } from "./shutdown";

export interface StartApiServerOptions {
  /** The environment to configure from (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Prefix of the one-line start-up errors (default `mle-api`). */
  readonly name?: string;
}

/**
 * Starts the API process's server. A bad configuration prints one line and exits 2; a port in use
 * prints one line naming it and exits 1; no stack trace either way.
 *
 * @example
 * ```ts
 * startApiServer({ env: { ...process.env, PORT: "8080" } });
 * ```
 */
export function startApiServer(options: StartApiServerOptions = {}): void {
  const env = options.env ?? process.env;
  const name = options.name ?? "mle-api";
  /** Runs a start-up step; a failure (bad configuration) prints one line and exits 2, no stack. */
  function orExit2<T>(step: () => T): T {
    try {
      return step();
    } catch (e) {
      // One line naming the variable, never the value; exit 2 = configuration error.
      process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    }
  }

  const { api: config, market } = orExit2(() => ({
    api: loadApiConfig(env),
    market: loadMarketDataConfig(env),
  }));
  const logDestination = createLogDestination(process.stdout.fd);
  // Lines still queued when the process exits; bounded, so a closed stdout cannot hold the exit.
  process.once("exit", () => logDestination.flushSync());
  const logger = createLogger({ level: config.logLevel, destination: logDestination });
  const lifecycle = createLifecycle();
  const startedAt = performance.now();
  const metrics = createApiMetrics({
    version: pkg.version,
    uptimeSeconds: () => (performance.now() - startedAt) / 1000,
  });
  const { source, models, predictor } = orExit2(() => {
    const source = createSource(market, metrics);
    const models = openRegistry(config.registryLocation, {
      who: "api",
      contentChecks: MODEL_CONTENT_CHECKS,
    });
    const predictor = createPredictor({
      ...predictorOptionsFor(config, models.backend),
      registry: models.model(),
      source,
    });
    return { source, models, predictor };
  });
  const app = createApp({
    source,
    models,
    predictor,
    config,
    logger,
    metrics,
    lifecycle,
    clock: () => performance.now(),
  });

  // The adapter calls this as createServer(serverOptions, listener).
  const createRoutableServer = ((options: ServerOptions, listener: RequestListener) =>
    createServer(options, routableOnly(listener))) as typeof createServer;
  const server = serve(
    {
      fetch: app.fetch,
      hostname: config.host,
      port: config.port,
      createServer: createRoutableServer,
      serverOptions: {
        headersTimeout: config.headersTimeoutMs,
        requestTimeout: config.receiveTimeoutMs,
        // Node checks both deadlines on this period (30 s by default, far coarser than the bounds).
        connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs),
      },
    },
    (info) => {
      logger.info(
        {
          host: config.host,
          port: info.port,
          source: source.kind,
          registry: models.location,
          version: pkg.version,
        },
        "listening",
      );
    },
  );
  (server as import("node:http").Server).maxConnections = config.maxConnections;
  server.on("clientError", clientErrorHandler(logger));
  server.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EADDRINUSE" || err.code === "EACCES") {
      const why =
        err.code === "EADDRINUSE" ? "is already in use" : "needs privileges this process lacks";
      process.stderr.write(
        `${name}: port ${config.port} on ${config.host} ${why}; set PORT to another port (0 picks a free one)\n`,
      );
      process.exit(1);
    }
    logger.fatal({ err }, "server error");
    process.exit(1);
  });

  installGracefulShutdown({
    server: server as import("node:http").Server,
    logger,
    timeoutMs: config.shutdownTimeoutMs,
    lifecycle,
    onClosed: () => predictor.close(),
  });
}
