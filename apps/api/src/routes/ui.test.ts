import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleApp } from "../../test/support";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mle-ui-"));
  await mkdir(join(dir, "assets"));
  await writeFile(join(dir, "index.html"), "<!doctype html><title>ui</title>");
  await writeFile(join(dir, "assets", "index-abc.js"), "console.log(1)");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("GET /ui", () => {
  it("redirects /ui to /ui/ so the UI's relative asset URLs resolve", async () => {
    const res = await sampleApp({ UI_DIR: dir }).request("/ui");
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe("ui/");
  });

  it("serves index.html at /ui/ (revalidated) and hashed assets (cached a year), with a self-only CSP", async () => {
    const app = sampleApp({ UI_DIR: dir });
    const index = await app.request("/ui/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toContain("text/html");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(index.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await index.text()).toContain("<title>ui</title>");
    const js = await app.request("/ui/assets/index-abc.js");
    expect(js.headers.get("content-type")).toContain("text/javascript");
    expect(js.headers.get("cache-control")).toContain("immutable");
  });

  it("answers 404 NOT_FOUND for a missing file or a path that leaves the folder", async () => {
    const app = sampleApp({ UI_DIR: join(dir, "assets") });
    for (const path of [
      "/ui/nope.js",
      "/ui/..%2Findex.html",
      "/ui/%2e%2e/index.html",
      "/ui/%E0%A4%A",
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
  });

  it("says the UI is not enabled when UI_DIR is unset", async () => {
    const res = await sampleApp().request("/ui/");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "UI_DIR",
    );
  });
});
