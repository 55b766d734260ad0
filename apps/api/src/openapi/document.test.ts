import { describe, expect, it } from "vitest";
import { sampleApp } from "../../test/support";
import { foldAliases } from "./document";

type Op = { operationId?: string; security?: unknown[]; "x-aliases"?: string[] };
type Doc = {
  info: { license?: { name: string } };
  servers?: { url: string }[];
  security?: unknown[];
  paths: Record<string, Record<string, Op>>;
  components: { securitySchemes?: Record<string, { type: string; scheme: string }> };
};

async function document(): Promise<Doc> {
  return (await (await sampleApp().request("/openapi.json")).json()) as Doc;
}

describe("the served OpenAPI document", () => {
  it("lists each route once with a unique operationId; /api/v1 and /models/{version} are x-aliases", async () => {
    const doc = await document();
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith("/api/v1/"), path).toBe(false);
      for (const op of Object.values(item)) {
        expect(op.operationId, path).toMatch(/^[A-Za-z0-9]+$/);
        ids.push(op.operationId!);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths["/models/{version}"]).toBeUndefined();
    expect(doc.paths["/model/{version}"]!.get!["x-aliases"]).toEqual([
      "/api/v1/model/{version}",
      "/api/v1/models/{version}",
      "/models/{version}",
    ]);
    expect(doc.paths["/predict"]!.get!["x-aliases"]).toEqual(["/api/v1/predict"]);
    expect(doc.paths["/health"]!.get!["x-aliases"]).toBeUndefined();
  });

  it("declares the license, servers, public default security and the bearer scheme the admin routes use", async () => {
    const doc = await document();
    expect(doc.info.license?.name).toBe("MIT");
    expect(doc.servers).toEqual([{ url: "/", description: "This server." }]);
    expect(doc.security).toEqual([]);
    expect(doc.components.securitySchemes?.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(doc.paths["/models/{version}/activate"]!.post!.security).toEqual([{ bearerAuth: [] }]);
  });
});

describe("foldAliases", () => {
  it("keeps a method only the alias path has", () => {
    const doc = foldAliases({
      paths: {
        "/model/{version}": { get: { operationId: "getModel" } },
        "/models/{version}": { get: { operationId: "alias" }, delete: { operationId: "drop" } },
      },
    });
    expect(doc.paths).toEqual({
      "/model/{version}": { get: { operationId: "getModel", "x-aliases": ["/models/{version}"] } },
      "/models/{version}": { delete: { operationId: "drop" } },
    });
  });
});
