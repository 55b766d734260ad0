import type { OpenAPIHono } from "@hono/zod-openapi";
import { createPredictor, type Predictor } from "@mle/inference";
import type { MarketDataSource } from "@mle/market-client";
import type { ModelRegistry, Registry } from "@mle/registry";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { Logger } from "pino";
import pkg from "../package.json";
import type { AppEnv } from "./app-env";
import type { ApiConfig } from "./config";
import { createModelScope } from "./context/models";
import { createRouter, type RouteContext } from "./context/route-context";
import { errorResponse } from "./errors/envelope";
import { createErrorHandler } from "./errors/on-error";
import { PUBLIC_MESSAGE } from "./errors/status-map";
import type { Lifecycle } from "./lifecycle";
import { createLogger } from "./logger";
import { type ApiMetrics, createApiMetrics } from "./metrics/api-metrics";
import { syncPredictorMetrics } from "./metrics/predictor-metrics";
import { accessLog } from "./middleware/access-log";
import { drainingMiddleware } from "./middleware/draining";
import { requestIdMiddleware } from "./middleware/request-id";
import { secureHeadersMiddleware } from "./middleware/secure-headers";
import { requestTimeout } from "./middleware/timeout";
import { API_PREFIX } from "./openapi/aliases";
import { registerDocsRoutes } from "./routes/docs";
import { mlflowError, openInferenceError, protocolErrors } from "./protocols/error-shape";
import { MLFLOW_PATHS, registerMlflowRoutes } from "./routes/mlflow";
import { registerOpenInferenceRoutes } from "./routes/open-inference";
import { registerFeatureRoutes } from "./routes/features";
import { registerHealthRoutes } from "./routes/health";
import { registerMetricsRoutes } from "./routes/metrics";
import { registerModelRoutes } from "./routes/models";
import { registerPredictRoutes } from "./routes/predict";
import { registerPredictionsRoutes } from "./routes/predictions";
import { registerReadyRoutes } from "./routes/ready";
import { registerRegistryRoutes } from "./routes/registry";
import { registerUiRoutes } from "./routes/ui";

/** What {@link createApp} is built from. Everything is injected: the app holds no global state. */
export interface AppDeps {
  /** Where candles come from (sample, csv or http source). */
  readonly source: MarketDataSource;
  readonly config: ApiConfig;
  /** The registry's default model (model and predict routes). Default: `models.model()`. */
  readonly registry?: Registry;
  /** The registry of every model, for `model=` and the /registry routes. */
  readonly models?: ModelRegistry;
  /**
   * The predictor behind the model and predict routes. Default: one over `registry` (cache TTL
   * from INFERENCE_CACHE_TTL_MS); without either, those routes answer 503 NO_ACTIVE_MODEL.
   */
  readonly predictor?: Predictor;
  /** Monotonic milliseconds; default `performance.now()`. */
  readonly clock?: () => number;
  /** Default: a pino logger at `config.logLevel` writing to stdout. */
  readonly logger?: Logger;
  /** Default: fresh metrics for this app. Inject to share them with the upstream source's events. */
  readonly metrics?: ApiMetrics;
  /** Reported by /health and /openapi.json; default the package version. */
  readonly version?: string;
  /** Set by the shutdown handler: while draining, answers say `Connection: close`, `/ready` 503. */
  readonly lifecycle?: Lifecycle;
}

/**
 * Builds the Hono app: middleware (request id, access log + metrics, security headers, CORS,
 * body limit, timeout), every route group at `/` and `/api/v1`, docs, the 404/405 envelopes
 * and the one error handler. Listens on nothing: `server.ts` does that.
 *
 * @example
 * ```ts
 * const app = createApp({ source: createSampleSource(), config: loadApiConfig({}) });
 * const res = await app.request("/features?symbol=AAPL&lookback=20");
 * ```
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const now = deps.clock ?? (() => performance.now());
  const version = deps.version ?? pkg.version;
  const config = deps.config;
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const startedAt = now();
  const metrics =
    deps.metrics ?? createApiMetrics({ version, uptimeSeconds: () => (now() - startedAt) / 1000 });
  // createPredictor loads nothing until the first prediction, so building it here costs nothing.
  const registry = deps.registry ?? deps.models?.model();
  const predictorOptions = predictorOptionsFor(config, deps.models?.backend ?? registry?.backend);
  const predictor =
    deps.predictor ??
    (registry ? createPredictor({ ...predictorOptions, registry, source: deps.source }) : null);
  if (predictor) syncPredictorMetrics(metrics, predictor);
  const models =
    registry && predictor
      ? createModelScope({
          models: deps.models,
          defaultRegistry: registry,
          defaultPredictor: predictor,
          source: deps.source,
          predictorOptions,
        })
      : null;
  const ctx: RouteContext = {
    source: deps.source,
    registry,
    predictor,
    models,
    config,
    metrics,
    version,
    now,
    startedAt,
    lifecycle: deps.lifecycle,
  };

  const app = createRouter();
  app.use(requestIdMiddleware());
  if (deps.lifecycle) app.use(drainingMiddleware(deps.lifecycle));
  app.use(accessLog({ logger, metrics: ctx.metrics, now }));
  app.use(secureHeadersMiddleware());
  // Before the body limit, timeout and 405 handlers, so their envelopes are reshaped too.
  app.use("/v2/*", protocolErrors(openInferenceError));
  for (const path of MLFLOW_PATHS) app.use(path, protocolErrors(mlflowError));
  if (config.corsOrigins.length > 0) {
    const origins = [...config.corsOrigins];
    app.use(
      cors({
        origin: origins.includes("*") ? "*" : origins,
        allowMethods: ["GET", "POST", "OPTIONS"],
        allowHeaders: ["content-type", "authorization", "x-request-id"],
        exposeHeaders: ["x-request-id"],
        maxAge: 600,
      }),
    );
  }
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        errorResponse(
          c,
          "METHOD_NOT_ALLOWED",
          `Method ${c.req.method} is not allowed here; use ${methods.join(", ")}.`,
          {
            headers: { allow: methods.join(", ") },
          },
        ),
    }),
  );
  const limitBody = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: (c) =>
      errorResponse(
        c,
        "PAYLOAD_TOO_LARGE",
        `The request body exceeds ${config.bodyLimitBytes} bytes.`,
      ),
  });
  // No route reads a GET/HEAD body; skipping them avoids `c.req.raw.body`, which makes
  // @hono/node-server build a full Request per GET (serving bench: a large share of /predict's cost).
  app.use((c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next),
  );
  app.use(requestTimeout(config.requestTimeoutMs));

  const system = createRouter();
  registerHealthRoutes(system, ctx);
  registerMetricsRoutes(system, ctx);
  app.route("/", system);

  const api = createRouter();
  registerFeatureRoutes(api, ctx);
  registerPredictRoutes(api, ctx);
  registerModelRoutes(api, ctx);
  registerPredictionsRoutes(api, ctx);
  registerReadyRoutes(api, ctx);
  registerRegistryRoutes(api, ctx);
  app.route("/", api);
  app.route(API_PREFIX, api);

  const protocols = createRouter();
  registerOpenInferenceRoutes(protocols, ctx);
  registerMlflowRoutes(protocols, ctx);
  app.route("/", protocols);

  registerDocsRoutes(app, ctx);
  registerUiRoutes(app, config.uiDir);

  app.notFound((c) => errorResponse(c, "NOT_FOUND", PUBLIC_MESSAGE.NOT_FOUND));
  // A child logger only when something fails: making one per request costs more than the log line.
  app.onError(createErrorHandler((c) => logger.child({ request_id: c.get("requestId") })));
  return app;
}

/**
 * How predictors re-check the registry: MODEL_RELOAD_MS, else 250 ms on the filesystem and 1 s
 * on S3, where the check runs in the background so no request waits for the store.
 */
export function predictorOptionsFor(config: ApiConfig, backend: string | undefined) {
  const remote = backend !== undefined && backend !== "fs";
  return {
    cacheTtlMs: config.inferenceCacheTtlMs,
    reloadCheckMs: config.reloadCheckMs ?? (remote ? 1000 : 250),
    ...(remote ? { reloadMode: "background" as const } : {}),
  };
}
