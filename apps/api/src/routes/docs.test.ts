import { describe, expect, it } from "vitest";
import { sampleApp } from "../../test/support";

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{
          name: string;
          in: string;
          description?: string;
          schema?: { example?: unknown };
        }>;
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refs(n, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3 document listing every feature route", async () => {
    const res = await sampleApp().request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBeTruthy();
    for (const path of ["/health", "/metrics", "/features"]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
  });

  it("documents the query parameters with descriptions and examples", async () => {
    const doc = (await (await sampleApp().request("/openapi.json")).json()) as Doc;
    const params = doc.paths["/features"]?.get?.parameters ?? [];
    expect(params.map((p) => p.name).sort()).toEqual(["columns", "limit", "lookback", "symbol"]);
    for (const p of params) {
      expect(p.in).toBe("query");
      expect(p.description, p.name).toMatch(/.{20,}/);
      expect(p.schema?.example, p.name).toBeDefined();
    }
    expect(params.find((p) => p.name === "lookback")?.description).toContain("2 to 250");
  });

  it("documents the error envelope on the error statuses, and every $ref resolves", async () => {
    const doc = (await (await sampleApp().request("/openapi.json")).json()) as Doc;
    const responses = doc.paths["/features"]?.get?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual(["200", "404", "422", "502", "503", "504"]);
    expect(JSON.stringify(responses["422"])).toContain("#/components/schemas/ErrorResponse");
    for (const ref of refs(doc)) {
      const name = ref.replace("#/components/schemas/", "");
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
  });
});

describe("GET /docs", () => {
  it("serves a Swagger UI page whose scripts and styles all come from this server", async () => {
    const app = sampleApp();
    const res = await app.request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toEqual([
      "data:,",
      "docs/assets/swagger-ui.css",
      "docs/assets/swagger-ui-bundle.js",
      "docs/assets/init.js",
    ]);
    for (const url of urls.slice(1)) {
      const asset = await app.request(`/${url}`);
      expect(asset.status, url).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(10);
    }
    const init = await (await app.request("/docs/assets/init.js")).text();
    expect(init).toContain('"openapi.json"');
  });

  it("serves the pinned swagger-ui-dist bundle and nothing else from its folder", async () => {
    const app = sampleApp();
    const bundle = await app.request("/docs/assets/swagger-ui-bundle.js");
    expect(bundle.headers.get("content-type")).toContain("text/javascript");
    for (const name of ["package.json", "index.html", "..%2Fpackage.json"]) {
      expect((await app.request(`/docs/assets/${name}`)).status, name).toBe(404);
    }
  });

  it("declares the bearer scheme the admin routes use (the Authorize button)", async () => {
    const doc = (await (await sampleApp().request("/openapi.json")).json()) as Doc & {
      components: { securitySchemes?: Record<string, { type: string; scheme: string }> };
    };
    expect(doc.components.securitySchemes?.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    const activate = doc.paths["/models/{version}/activate"]?.post as
      | { security?: unknown }
      | undefined;
    expect(activate?.security).toEqual([{ bearerAuth: [] }]);
  });
});
