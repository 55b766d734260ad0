/**
 * MLflow scoring-server routes (`/ping`, `/version`, `/invocations`), which MLflow- and
 * SageMaker-style gateways call. Errors are `{"error_code", "message"}` (protocols/error-shape.ts).
 * @module
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { invocations, scoringFormat } from "../protocols/mlflow/invocations";
import type { RouteContext } from "../context/route-context";
import { requirePredictor } from "../context/predictor";

const TAG = "mlflow-scoring";

/** The paths of this group (their errors are reshaped for MLflow clients). */
export const MLFLOW_PATHS = ["/ping", "/version", "/invocations"] as const;

const MlflowErrorSchema = z
  .object({
    error_code: z.string().openapi({ example: "VALIDATION_ERROR" }),
    message: z.string().openapi({ example: "missing columns: rolling_volatility" }),
  })
  .openapi("MlflowError");

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: MlflowErrorSchema } },
});

const pingRoute = createRoute({
  method: "get",
  path: "/ping",
  operationId: "mlflowPing",
  tags: [TAG],
  summary: "Scoring server health",
  description: "200 with an empty body while the process serves requests.",
  responses: { 200: { description: "Alive.", content: { "text/plain": { schema: z.string() } } } },
});

const versionRoute = createRoute({
  method: "get",
  path: "/version",
  operationId: "mlflowVersion",
  tags: [TAG],
  summary: "Server version",
  responses: {
    200: {
      description: "The API version, as text.",
      content: { "text/plain": { schema: z.string().openapi({ example: "0.1.0" }) } },
    },
  },
});

const FeatureRows = z.record(z.string(), z.union([z.number(), z.string()]));

const InvocationsRequest = z
  .object({
    dataframe_split: z
      .object({
        columns: z.array(z.string()),
        data: z.array(z.array(z.union([z.number(), z.string()]))),
        index: z.array(z.union([z.number(), z.string()])).optional(),
      })
      .optional(),
    dataframe_records: z.array(FeatureRows).optional(),
    instances: z.array(z.union([FeatureRows, z.array(z.number())])).optional(),
    inputs: z
      .union([
        z.record(z.string(), z.array(z.number())),
        z.array(z.union([FeatureRows, z.array(z.number())])),
      ])
      .optional(),
  })
  .openapi("MlflowInvocationsRequest", {
    description: "Exactly one of the four keys.",
    example: {
      dataframe_split: {
        columns: ["close", "simple_return", "moving_average", "rolling_volatility"],
        data: [[187.4, 0.003, 185.1, 0.014]],
      },
    },
  });

const invocationsRoute = createRoute({
  method: "post",
  path: "/invocations",
  operationId: "mlflowInvocations",
  tags: [TAG],
  summary: "Score feature rows (MLflow)",
  description:
    "Scores feature rows with the active model. JSON with exactly one of `dataframe_split`, `dataframe_records`, `instances`, `inputs` (`inputs` may also map each column to its values), or `text/csv` with a header row. Columns are matched by name to the model's feature columns (see GET /v2/models/default); missing ones are 422 naming them, extra ones are ignored. Rows given as bare arrays (`instances`, `inputs`) are in the model's column order.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": { schema: InvocationsRequest },
        "text/csv": {
          schema: z.string().openapi({
            example:
              "close,simple_return,moving_average,rolling_volatility\n187.4,0.003,185.1,0.014\n",
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "One prediction per row.",
      content: {
        "application/json": {
          schema: z
            .object({ predictions: z.array(z.number()) })
            .openapi("MlflowPredictions", { example: { predictions: [0.00042] } }),
        },
      },
    },
    413: error("PAYLOAD_TOO_LARGE: body over BODY_LIMIT_BYTES."),
    415: error("UNSUPPORTED_MEDIA_TYPE: neither application/json nor text/csv."),
    422: error("VALIDATION_ERROR: malformed body, missing columns, non-finite value."),
    503: error("NO_ACTIVE_MODEL, MODEL_CORRUPT, INCOMPATIBLE_MODEL or REQUEST_TIMEOUT."),
  },
});

/** `GET /ping`, `GET /version`, `POST /invocations` (unprefixed only: gateways call these paths). */
export function registerMlflowRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(pingRoute, (c) => c.text("", 200));
  app.openapi(versionRoute, (c) => c.text(ctx.version, 200));
  // The body is read by hand: the route takes two content types and reports its own errors.
  app.openAPIRegistry.registerPath(invocationsRoute);
  app.post(invocationsRoute.path, async (c) => {
    const format = scoringFormat(c.req.header("content-type"));
    const predictor = requirePredictor(ctx);
    return c.json(await invocations(predictor, format, await c.req.text()), 200);
  });
}
