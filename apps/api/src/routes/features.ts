import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { computeFeatureRows, DEFAULT_FEATURES } from "@mle/features";
import { requireCandles } from "@mle/market-client";
import { errorResponses } from "../errors/envelope";
import type { AppEnv } from "../app-env";
import {
  DEFAULT_FEATURE_LIMIT,
  LimitParam,
  LookbackParam,
  SymbolParam,
} from "../validation/params";
import type { RouteContext } from "../context/route-context";

export const FeatureRowSchema = z
  .object({
    timestamp: z
      .string()
      .openapi({ description: "Candle time, ISO-8601 UTC.", example: "2025-12-31T00:00:00.000Z" }),
    close: z.number().openapi({ description: "Close price.", example: 187.42 }),
    simple_return: z.number().openapi({ description: "close[t]/close[t-1] - 1.", example: 0.0031 }),
    moving_average: z
      .number()
      .openapi({ description: "Mean of the last `lookback` closes.", example: 185.1 }),
    rolling_volatility: z.number().openapi({
      description: "Sample standard deviation (ddof 1) of the last `lookback` simple returns.",
      example: 0.0142,
    }),
  })
  .openapi("FeatureRow");

export const FeaturesResponseSchema = z
  .object({
    symbol: z.string().openapi({ description: "Upper-cased symbol.", example: "AAPL" }),
    lookback: z.number().int().openapi({ example: 20 }),
    features: z.array(FeatureRowSchema).openapi({
      description:
        "Oldest first. At most `limit` rows (default 100): the most recent ones. Fewer only when the source has fewer than `limit + lookback` candles.",
    }),
  })
  .openapi("FeaturesResponse");

const featuresRoute = createRoute({
  method: "get",
  path: "/features",
  tags: ["features"],
  summary: "Feature rows for a symbol",
  description:
    "Fetches the most recent `limit + lookback` candles and returns the last `limit` rows of close, simple_return, moving_average and rolling_volatility, oldest first. Rows exist from candle index `lookback` on (earlier rows are never zero-filled), so at least `lookback + 1` candles are needed, else 422 INSUFFICIENT_DATA.",
  request: { query: z.object({ symbol: SymbolParam, lookback: LookbackParam, limit: LimitParam }) },
  responses: {
    200: {
      description: "Feature rows.",
      content: { "application/json": { schema: FeaturesResponseSchema } },
    },
    ...errorResponses({
      404: "SYMBOL_NOT_FOUND: the source has no such symbol.",
      422: "VALIDATION_ERROR (bad query) or INSUFFICIENT_DATA (fewer than lookback + 1 candles).",
      502: "UPSTREAM_BAD_RESPONSE: the upstream answered with invalid data.",
      503: "UPSTREAM_UNAVAILABLE (upstream down, circuit open) or REQUEST_TIMEOUT.",
      504: "UPSTREAM_TIMEOUT: every attempt timed out.",
    }),
  },
});

/** `GET /features` (mounted at `/` and `/api/v1`). */
export function registerFeatureRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(featuresRoute, async (c) => {
    const { symbol, lookback, limit: requested } = c.req.valid("query");
    const limit = requested ?? DEFAULT_FEATURE_LIMIT;
    const candles = await ctx.source.getCandles(symbol, {
      limit: limit + lookback,
      signal: c.get("requestSignal")(),
    });
    requireCandles(candles, lookback + 1, symbol);
    const rows = computeFeatureRows(candles, { lookback, features: DEFAULT_FEATURES });
    const features = rows.slice(-limit).map((r) => ({
      timestamp: r.timestamp,
      close: r.close,
      simple_return: r.simple_return,
      moving_average: r.moving_average,
      rolling_volatility: r.rolling_volatility,
    }));
    return c.json({ symbol, lookback, features }, 200);
  });
}
