import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { errorResponses } from "../errors/envelope";
import { publicBatchItem } from "../errors/public-error";
import type { AppEnv } from "../app-env";
import { requireJson } from "../middleware/require-json";
import { SymbolParam } from "../validation/params";
import { registerQueryRoute } from "../validation/query-route";
import type { RouteContext } from "../context/route-context";
import { requirePredictor } from "../context/predictor";
import {
  BatchRequestSchema,
  BatchResponseSchema,
  CONFIDENCE_DOC,
  MAX_BATCH_SYMBOLS,
  PredictionSchema,
  ModelQuery,
  VersionQuery,
} from "../schemas/inference";

const predictRoute = createRoute({
  method: "get",
  path: "/predict",
  operationId: "predict",
  tags: ["predictions"],
  summary: "Predict the next return of a symbol",
  description: `Fetches just enough of the latest candles for the model's warm-up, computes the features with the feature spec stored with the model (no training/serving skew) and applies the model. Concurrent requests for a symbol share one upstream fetch; results are reused for INFERENCE_CACHE_TTL_MS. ${CONFIDENCE_DOC} Without a trained model: 503 NO_ACTIVE_MODEL (train with \`pnpm --filter @mle/cli train\`).`,
  request: { query: z.object({ symbol: SymbolParam, version: VersionQuery, model: ModelQuery }) },
  responses: {
    200: {
      description: "The prediction.",
      content: { "application/json": { schema: PredictionSchema } },
    },
    ...errorResponses({
      404: "SYMBOL_NOT_FOUND (unknown symbol), MODEL_NOT_FOUND (no such version or model) or ALIAS_NOT_FOUND (no such alias).",
      422: "VALIDATION_ERROR (bad symbol or version) or INSUFFICIENT_DATA (too little history for the model's lookback).",
      502: "UPSTREAM_BAD_RESPONSE: the upstream answered with invalid data.",
      503: "NO_ACTIVE_MODEL (nothing trained yet), MODEL_CORRUPT, INCOMPATIBLE_MODEL, UPSTREAM_UNAVAILABLE or REQUEST_TIMEOUT.",
      504: "UPSTREAM_TIMEOUT: every attempt timed out.",
    }),
  },
});

const batchRoute = createRoute({
  method: "post",
  path: "/predict/batch",
  operationId: "predictBatch",
  tags: ["predictions"],
  summary: "Predict for several symbols",
  description: `Body \`{ "symbols": [...] }\` with 1 to ${MAX_BATCH_SYMBOLS} symbols (optional \`version\`). Symbols are upper-cased and deduplicated (first occurrence order); all use one model snapshot and share upstream fetches. Each symbol gets a result or its own error (with the status it would have on GET /predict): one bad symbol does not fail the others. The whole request fails only when no symbol can be answered by the model (e.g. 503 NO_ACTIVE_MODEL). Content type other than JSON: 415; body not JSON, empty or more than ${MAX_BATCH_SYMBOLS} symbols: 422; body over BODY_LIMIT_BYTES: 413.`,
  request: {
    body: { required: true, content: { "application/json": { schema: BatchRequestSchema } } },
  },
  responses: {
    200: {
      description: "One item per distinct symbol.",
      content: { "application/json": { schema: BatchResponseSchema } },
    },
    ...errorResponses({
      404: "MODEL_NOT_FOUND: no such version.",
      413: "PAYLOAD_TOO_LARGE: body over BODY_LIMIT_BYTES.",
      415: "UNSUPPORTED_MEDIA_TYPE: the body is not application/json.",
      422: `VALIDATION_ERROR: not JSON, no symbols, or more than ${MAX_BATCH_SYMBOLS}.`,
      503: "NO_ACTIVE_MODEL, MODEL_CORRUPT, INCOMPATIBLE_MODEL or REQUEST_TIMEOUT.",
    }),
  },
});

/** `GET /predict` and `POST /predict/batch` (mounted at `/` and `/api/v1`). */
export function registerPredictRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  registerQueryRoute(app, predictRoute, async (c, { symbol, version, model }) => {
    // No signal: the predictor uses one only to stop waiting for a shared upstream fetch (which it
    // never aborts), and making one costs ~10 µs per cached prediction. The deadline still answers
    // 503 REQUEST_TIMEOUT (timeout middleware); a client that leaves just stops waiting.
    const prediction = await requirePredictor(ctx, model).predict(
      symbol,
      version === undefined ? {} : { version },
    );
    return c.json(prediction, 200);
  });

  // POST only: another method must reach the 405 handler (with Allow), whatever its content type.
  app.use(batchRoute.path, (c, next) =>
    c.req.method === "POST" ? requireJson()(c, next) : next(),
  );
  app.openapi(batchRoute, async (c) => {
    const { symbols, version, model } = c.req.valid("json");
    const items = await requirePredictor(ctx, model).predictBatch(symbols, {
      ...(version === undefined ? {} : { version }),
      signal: c.get("requestSignal")(),
    });
    return c.json({ results: items.map(publicBatchItem) }, 200);
  });
}
