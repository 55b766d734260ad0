/**
 * The registry routes: registered models, their aliases and the alias history (read by anyone),
 * moving an alias and rolling it back (admin, like activation).
 * @module
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HistoryEntry } from "@mle/registry";
import type { AppEnv } from "../app-env";
import { requireRegistry } from "../context/predictor";
import type { RouteContext } from "../context/route-context";
import { ApiError } from "../errors/api-error";
import { errorResponses } from "../errors/envelope";
import { adminAuth } from "../middleware/admin-auth";
import {
  AliasesSchema,
  AliasNamePath,
  HistoryEntrySchema,
  HistoryQuery,
  HistorySchema,
  ModelNamePath,
  MoveAliasBodySchema,
  RegisteredModelsSchema,
} from "../schemas/registry";
import { jsonResponse } from "../openapi/json-response";

const modelsRoute = createRoute({
  method: "get",
  path: "/registry/models",
  operationId: "listRegisteredModels",
  tags: ["registry"],
  summary: "Registered models and their aliases",
  description:
    "Every model holding a version or an alias: how many versions it has (corrupt ones included), the newest, and its aliases.",
  responses: {
    200: jsonResponse("The models.", RegisteredModelsSchema),
    ...errorResponses({
      503: "REGISTRY_IO, REGISTRY_UNAVAILABLE or NO_ACTIVE_MODEL (no registry).",
    }),
  },
});

const aliasesRoute = createRoute({
  method: "get",
  path: "/registry/models/{model}/aliases",
  operationId: "listAliases",
  tags: ["registry"],
  summary: "Aliases of a model",
  request: { params: z.object({ model: ModelNamePath }) },
  responses: {
    200: jsonResponse("The aliases.", AliasesSchema),
    ...errorResponses({
      422: "VALIDATION_ERROR: bad model name.",
      503: "The store cannot be read.",
    }),
  },
});

const historyRoute = createRoute({
  method: "get",
  path: "/registry/models/{model}/history",
  operationId: "getAliasHistory",
  tags: ["registry"],
  summary: "Alias history of a model",
  description:
    "Every alias move, oldest first: from, to, when, who (`api` or the CLI's user@host) and why. Each entry carries the hash of the one before; a broken chain is 503 HISTORY_CORRUPT, never shown.",
  request: { params: z.object({ model: ModelNamePath }), query: z.object({ alias: HistoryQuery }) },
  responses: {
    200: jsonResponse("The history.", HistorySchema),
    ...errorResponses({
      422: "VALIDATION_ERROR: bad model or alias name.",
      503: "HISTORY_CORRUPT, or the store cannot be read.",
    }),
  },
});

const adminErrors = errorResponses({
  401: "UNAUTHORIZED: missing or wrong bearer token.",
  404: "NOT_FOUND (no ADMIN_TOKEN), MODEL_NOT_FOUND or ALIAS_NOT_FOUND.",
  409: "ALIAS_CONFLICT (moved by another writer, or `expect` no longer holds) or NO_PREVIOUS_VERSION.",
  422: "VALIDATION_ERROR: bad model, alias or version.",
  503: "MODEL_CORRUPT (the version fails verification), HISTORY_CORRUPT or the store is unreachable.",
});

const moveRoute = createRoute({
  method: "put",
  path: "/registry/models/{model}/aliases/{alias}",
  operationId: "moveAlias",
  tags: ["registry"],
  summary: "Point an alias at a version (admin)",
  description:
    "Moves (or creates) the alias; refuses unknown (404) and corrupt (503) versions; the move is appended to the alias history with who = `api`. Needs ADMIN_TOKEN like activation.",
  security: [{ bearerAuth: [] }],
  request: {
    params: z.object({ model: ModelNamePath, alias: AliasNamePath }),
    body: { required: true, content: { "application/json": { schema: MoveAliasBodySchema } } },
  },
  responses: { 200: jsonResponse("The move, as recorded.", HistoryEntrySchema), ...adminErrors },
});

const rollbackRoute = createRoute({
  method: "post",
  path: "/registry/models/{model}/aliases/{alias}/rollback",
  operationId: "rollbackAlias",
  tags: ["registry"],
  summary: "Move an alias back to its previous version (admin)",
  description:
    'Moves the alias back to the version it pointed at before its last move, in one step (recorded like any move). An optional JSON body `{"reason": "…"}` is recorded as the reason; an empty body is fine.',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ model: ModelNamePath, alias: AliasNamePath }) },
  responses: {
    200: jsonResponse("The rollback move, as recorded.", HistoryEntrySchema),
    ...adminErrors,
  },
});

function registryOf(ctx: RouteContext) {
  if (!ctx.models?.all) throw new ApiError("NO_ACTIVE_MODEL", "The server has no model registry.");
  return ctx.models.all;
}

const shown = (e: HistoryEntry) => ({ ...e });

/** `/registry/models…` (mounted at `/` and `/api/v1`). */
export function registerRegistryRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(modelsRoute, async (c) => {
    const registry = registryOf(ctx);
    const names = await registry.models();
    const models = [];
    for (const name of names) {
      const model = registry.model(name);
      // list() verifies each version once and then answers from its cache while nothing changes.
      const [versions, aliases] = await Promise.all([model.list(), model.aliases()]);
      models.push({
        name,
        version_count: versions.length,
        latest_version: versions[0]?.version ?? null,
        aliases: aliases.map((a) => ({ ...a })),
      });
    }
    return c.json({ location_kind: registry.backend, models }, 200);
  });

  app.openapi(aliasesRoute, async (c) => {
    const { model } = c.req.valid("param");
    const aliases = await requireRegistry(ctx, model).aliases();
    return c.json({ model, aliases: aliases.map((a) => ({ ...a })) }, 200);
  });

  app.openapi(historyRoute, async (c) => {
    const { model } = c.req.valid("param");
    const { alias } = c.req.valid("query");
    const history = await requireRegistry(ctx, model).history(alias === undefined ? {} : { alias });
    return c.json({ model, history: history.map(shown) }, 200);
  });

  const guard = adminAuth(ctx.config.adminToken);
  app.use("/registry/models/:model/aliases/:alias", (c, next) =>
    c.req.method === "PUT" ? guard(c, next) : next(),
  );
  app.use("/registry/models/:model/aliases/:alias/rollback", guard);

  /** The served model follows the move now rather than within the reload interval. */
  const refresh = async (model: string) => {
    await ctx.models?.predictor(model).readiness();
  };

  app.openapi(moveRoute, async (c) => {
    const { model, alias } = c.req.valid("param");
    const { version, reason, expect } = c.req.valid("json");
    const move = await requireRegistry(ctx, model).setAlias(alias, version, {
      who: "api",
      ...(reason === undefined ? {} : { reason }),
      ...(expect === undefined ? {} : { expect }),
    });
    await refresh(model);
    return c.json(shown(move), 200);
  });

  app.openapi(rollbackRoute, async (c) => {
    const { model, alias } = c.req.valid("param");
    const body = (await c.req.json().catch(() => ({}))) as { reason?: unknown };
    const reason = typeof body.reason === "string" ? body.reason.slice(0, 1024) : undefined;
    const move = await requireRegistry(ctx, model).rollback({
      alias,
      who: "api",
      ...(reason === undefined ? {} : { reason }),
    });
    await refresh(model);
    return c.json(shown(move), 200);
  });
}
