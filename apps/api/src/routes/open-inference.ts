/**
 * Open Inference Protocol (V2) REST routes, mounted at `/v2` only (the protocol fixes its paths).
 * Errors are `{"error": "..."}` (see protocols/error-shape.ts). The work is in protocols/open-inference.
 * @module
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { requireJson } from "../middleware/require-json";
import { selectModel } from "../protocols/model-names";
import { infer, type InferTarget } from "../protocols/open-inference/infer";
import { modelMetadata, modelReady, servableVersions } from "../protocols/open-inference/metadata";
import {
  InferenceRequestSchema,
  InferenceResponseSchema,
  LiveSchema,
  ModelMetadataSchema,
  ModelReadySchema,
  ReadySchema,
  ServerMetadataSchema,
  V2ErrorSchema,
} from "../protocols/open-inference/schemas";
import type { RouteContext } from "../context/route-context";
import { VersionName } from "../schemas/inference";
import { jsonResponse } from "../openapi/json-response";

const TAG = "open-inference-v2";

const ModelName = z
  .string()
  .min(1)
  .max(128)
  .openapi({
    param: { name: "model_name", in: "path" },
    description: "`default` serves the registry's model.",
    example: "default",
  });
const ModelVersion = VersionName.openapi({
  param: { name: "model_version", in: "path" },
  description: "`vN`, or `active`. Without it the active version answers.",
  example: "v1",
});

function errors(statuses: Record<number, string>) {
  const out: Record<
    number,
    { description: string; content: { "application/json": { schema: typeof V2ErrorSchema } } }
  > = {};
  for (const [status, description] of Object.entries(statuses)) {
    out[Number(status)] = {
      description,
      content: { "application/json": { schema: V2ErrorSchema } },
    };
  }
  return out;
}

const serverMetadata = createRoute({
  method: "get",
  path: "/v2",
  operationId: "v2ServerMetadata",
  tags: [TAG],
  summary: "Server metadata",
  responses: { 200: jsonResponse("Name, version and extensions.", ServerMetadataSchema) },
});

const serverLive = createRoute({
  method: "get",
  path: "/v2/health/live",
  operationId: "v2ServerLive",
  tags: [TAG],
  summary: "Server live",
  description: "200 while the process serves requests (a Kubernetes livenessProbe).",
  responses: { 200: jsonResponse("Live.", LiveSchema) },
});

const serverReady = createRoute({
  method: "get",
  path: "/v2/health/ready",
  operationId: "v2ServerReady",
  tags: [TAG],
  summary: "Server ready",
  description:
    "200 `{ready: true}` when the default model's active version is loaded and verified; otherwise 400 `{ready: false}` (the protocol: a 4xx status means false). A Kubernetes readinessProbe.",
  responses: {
    200: jsonResponse("Ready.", ReadySchema),
    400: jsonResponse("Not ready.", ReadySchema),
  },
});

/** The model routes exist with and without `/versions/{model_version}`. */
function modelRoutes(versioned: boolean) {
  const base = versioned
    ? "/v2/models/{model_name}/versions/{model_version}"
    : "/v2/models/{model_name}";
  const params = versioned
    ? z.object({ model_name: ModelName, model_version: ModelVersion })
    : z.object({ model_name: ModelName });
  const suffix = versioned ? "Version" : "";
  const which = versioned ? "the given version" : "the active version";
  return {
    metadata: createRoute({
      method: "get",
      path: base,
      operationId: `v2ModelMetadata${suffix}`,
      tags: [TAG],
      summary: `Model metadata (${which})`,
      description:
        "Inputs: `symbols` (BYTES [-1]) or `features` (FP64 [-1, k], columns in `parameters.columns`); send exactly one. Outputs: FP64 [-1] each; `predictions` unless others are asked for.",
      request: { params },
      responses: {
        200: jsonResponse("The model.", ModelMetadataSchema),
        ...errors({
          400: "Bad model version.",
          404: "Unknown model or version.",
          503: "No servable model.",
        }),
      },
    }),
    ready: createRoute({
      method: "get",
      path: `${base}/ready`,
      operationId: `v2ModelReady${suffix}`,
      tags: [TAG],
      summary: `Model ready (${which})`,
      request: { params },
      responses: {
        200: jsonResponse("Ready.", ModelReadySchema),
        400: jsonResponse(
          "Not ready (a 4xx status means false), or a bad version.",
          ModelReadySchema,
        ),
        ...errors({ 404: "Unknown model or version." }),
      },
    }),
    infer: createRoute({
      method: "post",
      path: `${base}/infer`,
      operationId: `v2ModelInfer${suffix}`,
      tags: [TAG],
      summary: `Inference (${which})`,
      description:
        "One input: `symbols`, a BYTES [N] tensor (the server fetches candles and computes features, as GET /predict does; the result equals /predict for the same version), or `features`, an FP64 [N, k] tensor of rows in the model's column order (finite numbers). Outputs `predictions`, `prediction_lower`, `prediction_upper`, `confidence` (FP64 [N]); only `predictions` unless `outputs` names others. `id` is echoed.",
      request: {
        params,
        body: {
          required: true,
          content: { "application/json": { schema: InferenceRequestSchema } },
        },
      },
      responses: {
        200: jsonResponse("Outputs.", InferenceResponseSchema),
        ...errors({
          400: "Invalid request: unknown input or output, wrong datatype or shape, non-finite value, bad symbol.",
          404: "Unknown model, version or symbol.",
          413: "Body over BODY_LIMIT_BYTES.",
          415: "The body is not application/json.",
          502: "The market data upstream answered with invalid data.",
          503: "No servable model, upstream unavailable or timeout.",
          504: "The market data upstream timed out.",
        }),
      },
    }),
  };
}

function targetOf(params: { model_name: string; model_version?: string }): InferTarget {
  return params.model_version === undefined
    ? { name: params.model_name }
    : { name: params.model_name, version: params.model_version };
}

/** The Open Inference Protocol (V2) REST API. */
export function registerOpenInferenceRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(serverMetadata, (c) =>
    c.json({ name: "mle-api", version: ctx.version, extensions: [] }, 200),
  );
  app.openapi(serverLive, (c) => c.json({ live: true }, 200));
  app.openapi(serverReady, async (c) => {
    const ready = await modelReady(ctx.predictor, { name: "default" });
    return ready ? c.json({ ready }, 200) : c.json({ ready }, 400);
  });

  for (const versioned of [false, true]) {
    const routes = modelRoutes(versioned);
    app.openapi(routes.metadata, async (c) => {
      const target = targetOf(c.req.valid("param"));
      const { predictor, registry } = await selectModel(ctx, target.name);
      const snapshot = await predictor.snapshot(
        target.version === undefined ? {} : { version: target.version },
      );
      return c.json(modelMetadata(target.name, snapshot, await servableVersions(registry)), 200);
    });
    app.openapi(routes.ready, async (c) => {
      const target = targetOf(c.req.valid("param"));
      const { predictor } = await selectModel(ctx, target.name);
      const ready = await modelReady(predictor, target);
      return ready
        ? c.json({ name: target.name, ready }, 200)
        : c.json({ name: target.name, ready }, 400);
    });
    app.on("POST", routes.infer.path.replace(/\{(\w+)\}/g, ":$1"), requireJson());
    app.openapi(routes.infer, async (c) => {
      const target = targetOf(c.req.valid("param"));
      const { predictor } = await selectModel(ctx, target.name);
      return c.json(await infer(predictor, target, c.req.valid("json")), 200);
    });
  }
}
