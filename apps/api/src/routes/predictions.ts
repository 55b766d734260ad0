/**
 * `GET /model/{version}/predictions`: the out-of-sample predictions stored with a version, what
 * the web UI and `mle report` plot. Read from the registry, so any replica serves any version.
 * @module
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { requireRegistry } from "../context/predictor";
import { resolveVersion } from "../context/resolve-version";
import type { RouteContext } from "../context/route-context";
import { ApiError } from "../errors/api-error";
import { errorResponses } from "../errors/envelope";
import { PREDICTIONS_FILE } from "@mle/trainer";
import { ModelQuery, VersionPath } from "../schemas/inference";
import { PredictionsSchema } from "../schemas/predictions";

const predictionsRoute = createRoute({
  method: "get",
  path: "/model/{version}/predictions",
  operationId: "getModelPredictions",
  tags: ["models"],
  summary: "Stored validation predictions of a model version",
  description:
    "The `predictions.json` artifact training stores with a version (hashed and verified like the others): every out-of-sample prediction as columns, one entry per row, with the actual value and the interval bounds. The version may be an alias. A version trained before predictions were stored is 404 PREDICTIONS_NOT_FOUND.",
  request: { params: z.object({ version: VersionPath }), query: z.object({ model: ModelQuery }) },
  responses: {
    200: {
      description: "The predictions.",
      content: { "application/json": { schema: PredictionsSchema } },
    },
    ...errorResponses({
      404: "MODEL_NOT_FOUND, ALIAS_NOT_FOUND, or PREDICTIONS_NOT_FOUND (the version has none).",
      422: "VALIDATION_ERROR: the version is neither `vN` nor an alias name, or the model name is invalid.",
      503: "MODEL_CORRUPT (an artifact fails verification), NO_ACTIVE_MODEL (for `active`) or REQUEST_TIMEOUT.",
    }),
  },
});

/** `GET /model/{version}/predictions` (at `/` and `/api/v1`). */
export function registerPredictionsRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(predictionsRoute, async (c) => {
    const registry = requireRegistry(ctx, c.req.valid("query").model);
    const version = await resolveVersion(registry, c.req.valid("param").version);
    const stored = (await registry.load(version)).files[PREDICTIONS_FILE];
    if (stored === undefined || stored === null) {
      throw new ApiError(
        "PREDICTIONS_NOT_FOUND",
        `${version} has no stored predictions (it was trained before they were recorded).`,
      );
    }
    // Verified against its sha256 on load; served as stored (the trainer owns the shape).
    return c.json(stored as z.output<typeof PredictionsSchema>, 200);
  });
}
