import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { envelope } from "../../test/support";
import type { AppEnv } from "../app-env";
import { validationHook } from "./default-hook";
import { SymbolParam } from "./params";
import { registerQueryRoute } from "./query-route";

const route = createRoute({
  method: "get",
  path: "/echo",
  request: { query: z.object({ symbol: SymbolParam, n: z.coerce.number().int().optional() }) },
  responses: { 200: { description: "The parsed query." } },
});

function apps() {
  const fast = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerQueryRoute(fast, route, (c, query) => c.json(query));
  const generic = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  generic.openapi(route, (c) => c.json(c.req.valid("query")));
  return { fast, generic };
}

describe("registerQueryRoute", () => {
  it("hands the handler the parsed query (transforms and coercions applied)", async () => {
    const res = await apps().fast.request("/echo?symbol=aapl&n=3");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ symbol: "AAPL", n: 3 });
  });

  it("answers exactly like app.openapi for valid, missing, bad and repeated parameters", async () => {
    const { fast, generic } = apps();
    for (const query of ["symbol=msft", "", "symbol=a%2Fb", "symbol=A&symbol=B", "symbol=A&n=x"]) {
      const a = await fast.request(`/echo?${query}`);
      const b = await generic.request(`/echo?${query}`);
      expect(a.status).toBe(b.status);
      expect(await a.text()).toBe(await b.text());
    }
  });

  it("answers a repeated parameter with the 422 envelope naming it", async () => {
    const res = await apps().fast.request("/echo?symbol=A&symbol=B");
    expect(res.status).toBe(422);
    expect(await envelope(res)).toMatchObject({
      code: "VALIDATION_ERROR",
      details: [{ path: "symbol", message: "symbol must be given exactly once" }],
    });
  });

  it("puts the route in the OpenAPI document as app.openapi does", () => {
    const { fast, generic } = apps();
    const info = { openapi: "3.0.0", info: { title: "t", version: "1" } };
    expect(fast.getOpenAPIDocument(info)).toEqual(generic.getOpenAPIDocument(info));
  });
});
