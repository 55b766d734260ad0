import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { EVALUATION_FILE } from "@mle/inference";
import { DEFAULT_MODEL, type EntryMetrics } from "@mle/registry";
import { errorResponses } from "../errors/envelope";
import type { AppEnv } from "../app-env";
import { adminAuth } from "../middleware/admin-auth";
import { modelKindInfo } from "../models/model-kind";
import type { RouteContext } from "../context/route-context";
import { requireRegistry } from "../context/predictor";
import { resolveVersion } from "../context/resolve-version";
import {
  ActivateResponseSchema,
  ModelDetailsSchema,
  ModelQuery,
  ModelsResponseSchema,
  VersionPath,
} from "../schemas/inference";

const modelsRoute = createRoute({
  method: "get",
  path: "/models",
  operationId: "listModels",
  tags: ["models"],
  summary: "List model versions",
  description:
    "Every version of a registered model (`model=`, default `default`), newest first, with its status (`corrupt` when an artifact fails verification, naming the file), the aliases pointing at it and validation metrics.",
  request: { query: z.object({ model: ModelQuery }) },
  responses: {
    200: {
      description: "The versions.",
      content: {
        "application/json": {
          schema: ModelsResponseSchema,
          example: {
            model: "default",
            active_version: "v2",
            models: [
              {
                version: "v2",
                created_at: "2026-01-02T00:00:00.000Z",
                status: "ok",
                is_active: true,
                aliases: ["active"],
                metrics: { rmse: 0.0112, r2: 0.004, directional_accuracy: 0.52 },
              },
              {
                version: "v1",
                created_at: "2026-01-01T00:00:00.000Z",
                status: "ok",
                is_active: false,
                aliases: [],
                metrics: { rmse: 0.0113, r2: 0.002, directional_accuracy: 0.51 },
              },
            ],
          },
        },
      },
    },
    ...errorResponses({ 503: "REQUEST_TIMEOUT, or the registry cannot be read (MODEL_CORRUPT)." }),
  },
});

const modelRoute = createRoute({
  method: "get",
  path: "/model/{version}",
  operationId: "getModel",
  tags: ["models"],
  summary: "One model version",
  description:
    "Model kind and hyperparameters (from model.json), metadata, metrics, feature columns, dataset summary, evaluation (evaluation.json: forecast-comparison tests, interval coverage, the served interval's split-conformal calibration and the verdict; null for versions without one), status and aliases of a version of a registered model (`model=`, default `default`). The version may be an alias (`active`, `champion`). A version that is neither `vN` nor an alias name is 422 VALIDATION_ERROR; an unknown one 404 MODEL_NOT_FOUND, an unset alias 404 ALIAS_NOT_FOUND.",
  request: { params: z.object({ version: VersionPath }), query: z.object({ model: ModelQuery }) },
  responses: {
    200: {
      description: "The version.",
      content: { "application/json": { schema: ModelDetailsSchema } },
    },
    ...errorResponses({
      404: "MODEL_NOT_FOUND (no such version or model) or ALIAS_NOT_FOUND (no such alias).",
      422: "VALIDATION_ERROR: the version is neither `vN` nor an alias name, or the model name is invalid.",
      503: "NO_ACTIVE_MODEL (for `active`), MODEL_CORRUPT (registry unreadable) or REQUEST_TIMEOUT.",
    }),
  },
});

/** Activation takes a concrete `vN` only: `active` would silently re-activate the current version. */
const ActivateVersionPath = z
  .string()
  .regex(/^v[1-9][0-9]{0,8}$/, 'version must be "v" followed by a positive number (e.g. v3)')
  .openapi({ param: { name: "version", in: "path" }, description: "`vN`.", example: "v1" });

const activateRoute = createRoute({
  method: "post",
  path: "/models/{version}/activate",
  operationId: "activateModel",
  tags: ["models"],
  summary: "Activate a model version (admin)",
  description:
    "Points the registry's active pointer at `version` and swaps it into the predictor without a restart; requests in flight finish on the model they started with. Disabled (404) unless the server has ADMIN_TOKEN; then needs `Authorization: Bearer <ADMIN_TOKEN>` (401 otherwise). Refuses unknown (404) and corrupt (503 MODEL_CORRUPT) versions.",
  security: [{ bearerAuth: [] }],
  request: {
    params: z.object({ version: ActivateVersionPath }),
    query: z.object({ model: ModelQuery }),
  },
  responses: {
    200: {
      description: "Activated.",
      content: { "application/json": { schema: ActivateResponseSchema } },
    },
    ...errorResponses({
      401: "UNAUTHORIZED: missing or wrong bearer token.",
      404: "NOT_FOUND (no ADMIN_TOKEN configured) or MODEL_NOT_FOUND.",
      422: "VALIDATION_ERROR: the version is not `vN`.",
      503: "MODEL_CORRUPT: the version fails verification.",
    }),
  },
});

type Details = z.output<typeof ModelDetailsSchema>;

function keyMetrics(metrics: EntryMetrics | undefined): EntryMetrics | null {
  return metrics === undefined
    ? null
    : { rmse: metrics.rmse, r2: metrics.r2, directional_accuracy: metrics.directional_accuracy };
}

/** `GET /models`, `GET /model/{version}`, `POST /models/{version}/activate` (at `/` and `/api/v1`). */
export function registerModelRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(modelsRoute, async (c) => {
    const { model } = c.req.valid("query");
    const name = model ?? DEFAULT_MODEL;
    if (!ctx.registry) return c.json({ model: name, active_version: null, models: [] }, 200);
    const registry = requireRegistry(ctx, model);
    // A damaged pointer must not hide the versions: listing is how it gets repaired.
    const [entries, active] = await Promise.all([registry.list(), registry.activeOrNull()]);
    const models = entries.map((e) => ({
      version: e.version,
      created_at: e.created_at,
      status: e.status,
      ...(e.problem === undefined ? {} : { problem: e.problem }),
      is_active: e.is_active,
      aliases: [...e.aliases],
      metrics: keyMetrics(e.metrics),
    }));
    return c.json({ model: name, active_version: active, models }, 200);
  });

  // `/models/{version}` is the alias (folded into the document's x-aliases, see openapi/aliases.ts).
  for (const path of [modelRoute.path, "/models/{version}"]) {
    app.openapi({ ...modelRoute, path }, async (c) => {
      const registry = requireRegistry(ctx, c.req.valid("query").model);
      const version = await resolveVersion(registry, c.req.valid("param").version);
      const d = await registry.get(version);
      const kind = await modelKindInfo(registry, d.version, d.status);
      return c.json(
        {
          version: d.version,
          created_at: d.created_at,
          status: d.status,
          ...(d.problem === undefined ? {} : { problem: d.problem }),
          is_active: d.is_active,
          model: registry.model,
          aliases: [...d.aliases],
          ...kind,
          // Verified artifacts our trainer wrote (sha256-checked; null when not): the schema
          // documents their shape, the registry returns them as plain JSON.
          metadata: d.metadata as Details["metadata"],
          metrics: d.metrics as Details["metrics"],
          key_metrics: keyMetrics(d.key_metrics),
          feature_columns: d.featureColumns as Details["feature_columns"],
          dataset_summary: d.datasetSummary as Details["dataset_summary"],
          // null for versions saved before evaluations were stored (and when it does not verify).
          evaluation: (d.files[EVALUATION_FILE] ?? null) as Details["evaluation"],
        },
        200,
      );
    });
  }

  app.use("/models/:version/activate", adminAuth(ctx.config.adminToken));
  app.openapi(activateRoute, async (c) => {
    const { model } = c.req.valid("query");
    const registry = requireRegistry(ctx, model);
    const version = c.req.valid("param").version;
    const move = await registry.activate(version, { who: "api" });
    // A readiness check reloads the active pointer now instead of within reloadCheckMs.
    await (ctx.models?.predictor(model) ?? ctx.predictor)?.readiness();
    return c.json(
      { model: registry.model, active_version: move.to, previous_version: move.from },
      200,
    );
  });
}
