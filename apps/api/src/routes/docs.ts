import type { OpenAPIHono } from "@hono/zod-openapi";
import { swaggerUI } from "@hono/swagger-ui";
import type { AppEnv } from "../app-env";
import type { RouteContext } from "../context/route-context";

/** Where the generated document and the interactive docs are served. */
export const OPENAPI_PATH = "/openapi.json";
export const DOCS_PATH = "/docs";

/** The `info` and servers of the generated OpenAPI document. */
export function openApiConfig(version: string) {
  return {
    openapi: "3.0.3",
    info: {
      title: "ML Engine Platform API",
      version,
      description:
        "Deterministic market features and model predictions. Every error has the body `{ error: { code, message, details? } }` and every response an `x-request-id` header.",
    },
  };
}

/** `GET /openapi.json` (generated from the zod schemas) and `GET /docs` (Swagger UI). */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.doc(OPENAPI_PATH, openApiConfig(ctx.version));
  app.get(DOCS_PATH, swaggerUI({ url: OPENAPI_PATH }));
}
