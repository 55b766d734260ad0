/**
 * The API process: reads the environment, builds the source, registry and app, listens, and
 * shuts down gracefully on SIGTERM/SIGINT. The only file that touches `process.env`, listens or
 * installs signal handlers.
 * @module
 */
import { serve } from "@hono/node-server";
import { loadMarketDataConfig } from "@mle/market-client";
import { createPredictor } from "@mle/inference";
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

/** Runs a start-up step; a failure (bad configuration) prints one line and exits 2, no stack. */
function orExit2<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    // One line naming the variable, never the value; exit 2 = configuration error.
    process.stderr.write(`mle-api: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}

const { api: config, market } = orExit2(() => ({
  api: loadApiConfig(process.env),
  market: loadMarketDataConfig(process.env),
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
  const models = openRegistry(config.registryLocation, { who: "api" });
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
server.on("error", (err) => {
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
