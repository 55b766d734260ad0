import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { envelope, silentLogger } from "../../test/support";
import { createErrorHandler } from "../errors/on-error";
import { requireJson } from "./require-json";

const app = new OpenAPIHono();
app.post("/predict/batch", requireJson(), (c) => c.json({ ok: true }));
app.onError(createErrorHandler(() => silentLogger));

describe("requireJson", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", "", "application/jsonp"])(
    "answers 415 UNSUPPORTED_MEDIA_TYPE for %j",
    async (type) => {
      const res = await app.request("/predict/batch", {
        method: "POST",
        body: "{}",
        headers: type ? { "content-type": type } : {},
      });
      expect(res.status).toBe(415);
      expect((await envelope(res)).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    },
  );

  it.each(["application/json", "application/json; charset=utf-8", "application/vnd.api+json"])(
    "accepts %s",
    async (type) => {
      const res = await app.request("/predict/batch", {
        method: "POST",
        body: "{}",
        headers: { "content-type": type },
      });
      expect(res.status).toBe(200);
    },
  );
});
