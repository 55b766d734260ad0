import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import type { RouteContext } from "../context/route-context";

export const HealthResponseSchema = z
  .object({
    status: z
      .literal("ok")
      .openapi({ description: "Always `ok` while the process serves requests." }),
    version: z.string().openapi({ description: "API version.", example: "0.1.0" }),
    uptime_s: z.number().openapi({ description: "Seconds since the app started.", example: 12.5 }),
  })
  .openapi("Health");

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags: ["system"],
  summary: "Liveness",
  description: "Answers 200 while the process is up. Does not touch the upstream or the registry.",
  responses: {
    200: {
      description: "The process is alive.",
      content: { "application/json": { schema: HealthResponseSchema } },
    },
  },
});

/** `GET /health`. */
export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openapi(healthRoute, (c) =>
    c.json(
      {
        status: "ok" as const,
        version: ctx.version,
        uptime_s: Math.round((ctx.now() - ctx.startedAt) / 10) / 100,
      },
      200,
    ),
  );
}
