import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRoute, z } from "@hono/zod-openapi";
import { fetchFeatures } from "@mle/features";
import { InsufficientDataError } from "@mle/market-client";
import type { AppEnv } from "../app-env";
import { errorResponses } from "../errors/envelope";
import {
  ColumnsParam,
  DEFAULT_FEATURE_LIMIT,
  LimitParam,
  LookbackParam,
  SymbolParam,
} from "../validation/params";
import type { RouteContext } from "../context/route-context";
import { featureSpecFromQuery } from "./feature-spec";

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
  .partial({ close: true, simple_return: true, moving_average: true, rolling_volatility: true })
  .required({ timestamp: true })
  .catchall(z.number().openapi({ description: "One asked column (`columns`) by name." }))
  .openapi("FeatureRow", {
    description:
      "The candle's timestamp and one number per column asked for (`columns`), by column name; the four properties listed are the default columns.",
  });

export const FeaturesResponseSchema = z
  .object({
    symbol: z.string().openapi({ description: "Upper-cased symbol.", example: "AAPL" }),
    source: z.string().openapi({
      description:
        "Where the candles came from (`sample`, `csv`, `http`, or a custom source's kind). `sample` is the embedded generator: it answers any valid symbol with synthetic data (a deterministic path per symbol), not market data.",
      example: "sample",
    }),
    lookback: z.number().int().openapi({ example: 20 }),
    columns: z.array(z.string()).openapi({
      description: "The column names of every row, in order.",
      example: ["close", "simple_return", "moving_average", "rolling_volatility"],
    }),
    features: z.array(FeatureRowSchema).openapi({
      description:
        "Oldest first. At most `limit` rows (default 100): the most recent ones. Fewer only when the source has fewer candles than the columns need for `limit` rows.",
    }),
  })
  .openapi("FeaturesResponse");

const featuresRoute = createRoute({
  method: "get",
  path: "/features",
  operationId: "getFeatures",
  tags: ["features"],
  summary: "Feature rows for a symbol",
  description:
    "Fetches the candles the asked columns need for `limit` rows (for the default columns `limit + lookback`; recursive columns such as `ema`, `rsi` add their declared convergence warm-up) and returns the last `limit` rows, oldest first. Rows exist from the first candle where every column is defined (earlier rows are never zero-filled); with fewer candles than that plus one, 422 INSUFFICIENT_DATA.",
  request: {
    query: z.object({
      symbol: SymbolParam,
      lookback: LookbackParam,
      limit: LimitParam,
      columns: ColumnsParam,
    }),
  },
  responses: {
    200: {
      description: "Feature rows.",
      content: { "application/json": { schema: FeaturesResponseSchema } },
    },
    ...errorResponses({
      404: "SYMBOL_NOT_FOUND: the source has no such symbol.",
      422: "VALIDATION_ERROR (bad query, unknown column or parameter) or INSUFFICIENT_DATA (too few candles for one row).",
      502: "UPSTREAM_BAD_RESPONSE: the upstream answered with invalid data.",
      503: "UPSTREAM_UNAVAILABLE (upstream down, circuit open) or REQUEST_TIMEOUT.",
      504: "UPSTREAM_TIMEOUT: every attempt timed out.",
    }),
  },
});

/** `GET /features` (mounted at `/` and `/api/v1`). */
export function registerFeatureRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(featuresRoute, async (c) => {
    const { symbol, lookback, limit: requested, columns: asked } = c.req.valid("query");
    const spec = featureSpecFromQuery(lookback, asked);
    const signal = c.get("requestSignal")();
    const window = await fetchFeatures({
      spec,
      rows: requested ?? DEFAULT_FEATURE_LIMIT,
      fetch: (limit) => ctx.source.getCandles(symbol, { limit, signal }),
      insufficient: (needed, available) => new InsufficientDataError(symbol, needed, available),
    });
    const { columns, values } = window;
    const features = window.bars.map((bar, i) => {
      const row: Record<string, number | string> = { timestamp: bar.timestamp };
      for (const name of columns) row[name] = values[name]![i]!;
      return row as { timestamp: string } & Record<string, number>;
    });
    return c.json(
      { symbol, source: ctx.source.kind, lookback, columns: [...columns], features },
      200,
    );
  });
}
