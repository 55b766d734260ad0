import type { OpenAPIHono, RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { validationHook } from "./default-hook";

/** A GET route whose only input is its query string (a zod object). */
export type QueryRouteConfig<Q extends z.ZodObject> = RouteConfig & {
  method: "get";
  request: { query: Q };
};

/**
 * Registers a GET route whose only input is its query: the OpenAPI document gets the route
 * exactly as `app.openapi(route, …)` registers it, and the query is checked in one synchronous
 * step with the same value and the same hook (so the same 422 envelope). `app.openapi` goes through
 * hono's generic validator instead, which also reads the request's `Content-Type` (building a
 * `Headers` from the Node request) and awaits `safeParseAsync` and the hook: together a sizeable
 * share of a cached `GET /predict` (serving bench, README "Performance").
 *
 * The schema must be synchronous (no async refinements or transforms).
 *
 * @example
 * ```ts
 * registerQueryRoute(app, predictRoute, async (c, { symbol }) => c.json(await predict(symbol)));
 * ```
 */
export function registerQueryRoute<Q extends z.ZodObject>(
  app: OpenAPIHono<AppEnv>,
  route: QueryRouteConfig<Q>,
  handler: (c: Context<AppEnv>, query: z.output<Q>) => Response | Promise<Response>,
): void {
  app.openAPIRegistry.registerPath(route);
  const schema = route.request.query;
  app.get(route.path, (c) => {
    // The value hono's validator builds: one string per key, an array for a repeated key.
    const value: Record<string, string | string[]> = {};
    for (const [key, values] of Object.entries(c.req.queries())) {
      value[key] = values.length === 1 ? (values[0] as string) : values;
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      const response = validationHook({ target: "query", success: false, error: result.error }, c);
      if (response) return response;
    }
    return handler(c, result.data as z.output<Q>);
  });
}
