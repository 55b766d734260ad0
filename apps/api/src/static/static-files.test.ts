import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStaticFile } from "./static-files";

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "mle-static-"));
  root = join(base, "dist");
  await mkdir(join(root, "assets"), { recursive: true });
  await writeFile(join(root, "index.html"), "<!doctype html>");
  await writeFile(join(root, "assets", "app.js"), "export {}");
  await writeFile(join(root, ".secret"), "no");
  await writeFile(join(base, "private.txt"), "outside");
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("readStaticFile", () => {
  it("reads a file under the root with its content type", async () => {
    const f = await readStaticFile(root, "assets/app.js");
    expect(f?.contentType).toBe("text/javascript; charset=utf-8");
    expect(Buffer.from(f!.body).toString()).toBe("export {}");
    expect((await readStaticFile(root, "index.html"))?.contentType).toContain("text/html");
  });

  it("returns null for folders, missing files, dot-files and paths that leave the root", async () => {
    const refused = [
      "assets",
      "",
      "nope.js",
      ".secret",
      "../private.txt",
      "assets/../../private.txt",
      "a\0b",
      "..\\private.txt",
    ];
    for (const p of refused) expect(await readStaticFile(root, p), p).toBeNull();
  });
});
