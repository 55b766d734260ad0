import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { envelope, silentLogger } from "../../test/support";
import { createErrorHandler } from "../errors/on-error";
import { adminAuth, tokensEqual } from "./admin-auth";

const TOKEN = "s3cret-admin-token-0123456789";

function appWith(token: string | undefined) {
  const app = new OpenAPIHono();
  app.post("/models/:version/activate", adminAuth(token), (c) =>
    c.json({ activated: c.req.param("version") }),
  );
  app.onError(createErrorHandler(() => silentLogger));
  return app;
}

describe("adminAuth", () => {
  it("hides the endpoint (404 NOT_FOUND) when no ADMIN_TOKEN is configured, even with a token", async () => {
    const res = await appWith(undefined).request("/models/v1/activate", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(404);
    expect((await envelope(res)).code).toBe("NOT_FOUND");
  });

  it("answers 401 UNAUTHORIZED with WWW-Authenticate when the token is missing", async () => {
    const res = await appWith(TOKEN).request("/models/v1/activate", { method: "POST" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await envelope(res)).code).toBe("UNAUTHORIZED");
  });

  it.each([
    ["a wrong token", `Bearer ${TOKEN}x`],
    ["a prefix of the token", `Bearer ${TOKEN.slice(0, 10)}`],
    ["the token without the scheme", TOKEN],
    ["basic auth", `Basic ${Buffer.from(`admin:${TOKEN}`).toString("base64")}`],
    ["an empty bearer", "Bearer "],
  ])("answers 401 for %s", async (_name, header) => {
    const res = await appWith(TOKEN).request("/models/v1/activate", {
      method: "POST",
      headers: { authorization: header },
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(TOKEN);
  });

  it("lets the request through with the right bearer token", async () => {
    const res = await appWith(TOKEN).request("/models/v2/activate", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ activated: "v2" });
  });
});

describe("tokensEqual", () => {
  it("is true only for identical strings, whatever their lengths", () => {
    expect(tokensEqual("abc", "abc")).toBe(true);
    expect(tokensEqual("abc", "abd")).toBe(false);
    expect(tokensEqual("abc", "abcd")).toBe(false);
    expect(tokensEqual("", "a")).toBe(false);
  });
});
