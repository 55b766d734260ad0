import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registryPerTest, sampleArtifacts } from "./test-support";

const temp = registryPerTest(() => new Date("2025-01-01T00:00:00.000Z"));

describe("active pointer", () => {
  it("saving does not change the active version unless asked", async () => {
    await temp.registry.save(sampleArtifacts("a"), { activate: true });
    await temp.registry.save(sampleArtifacts("b"));
    expect(await temp.registry.getActive()).toBe("v1");
    await temp.registry.save(sampleArtifacts("c"), { activate: true });
    expect(await temp.registry.getActive()).toBe("v3");
    expect((await temp.registry.list()).map((e) => e.is_active)).toEqual([true, false, false]);
  });

  it("activate moves the pointer back (rollback) and writes it as JSON", async () => {
    await temp.registry.save(sampleArtifacts("a"));
    await temp.registry.save(sampleArtifacts("b"), { activate: true });
    await temp.registry.activate("v1");
    expect(await temp.registry.getActive()).toBe("v1");
    expect(JSON.parse(await fs.readFile(path.join(temp.dir, "active.json"), "utf8"))).toMatchObject(
      {
        version: "v1",
        activated_at: "2025-01-01T00:00:00.000Z",
        move: { seq: 2, alias: "active", from: "v2", to: "v1" },
      },
    );
    expect((await fs.readdir(temp.dir)).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
  });

  it("activate refuses an unknown version and leaves the pointer unchanged", async () => {
    await temp.registry.save(sampleArtifacts("a"), { activate: true });
    await expect(temp.registry.activate("v2")).rejects.toMatchObject({ code: "MODEL_NOT_FOUND" });
    await expect(temp.registry.activate("../v1")).rejects.toMatchObject({
      code: "INVALID_VERSION",
    });
    expect(await temp.registry.getActive()).toBe("v1");
  });

  it("activeStamp changes on every activation and stays put otherwise", async () => {
    await temp.registry.save(sampleArtifacts("a"), { activate: true });
    await temp.registry.save(sampleArtifacts("b"));
    const s1 = await temp.registry.activeStamp();
    expect(s1).toEqual(expect.any(String));
    await temp.registry.save(sampleArtifacts("c"));
    await temp.registry.list();
    expect(await temp.registry.activeStamp()).toBe(s1);
    await temp.registry.activate("v2");
    const s2 = await temp.registry.activeStamp();
    expect(s2).not.toBe(s1);
    await temp.registry.activate("v1");
    const s3 = await temp.registry.activeStamp();
    expect(s3).not.toBe(s2);
    expect(s3).not.toBe(s1);
  });

  it("a deleted active version folder: getActive still names it, load explains, list works", async () => {
    await temp.registry.save(sampleArtifacts("a"));
    await temp.registry.save(sampleArtifacts("b"), { activate: true });
    await fs.rm(path.join(temp.dir, "v2"), { recursive: true });
    expect(await temp.registry.getActive()).toBe("v2");
    await expect(temp.registry.load("v2")).rejects.toMatchObject({
      code: "MODEL_NOT_FOUND",
      message: expect.stringContaining("active version"),
    });
    expect((await temp.registry.list()).map((e) => [e.version, e.status, e.is_active])).toEqual([
      ["v1", "ok", false],
    ]);
    expect((await temp.registry.load("v1")).metadata.tag).toBe("a");
  });

  it("does not reuse the number of a deleted active version", async () => {
    await temp.registry.save(sampleArtifacts("a"));
    await temp.registry.save(sampleArtifacts("b"), { activate: true });
    await fs.rm(path.join(temp.dir, "v2"), { recursive: true });
    expect((await temp.registry.save(sampleArtifacts("c"))).version).toBe("v3");
  });

  it("an unreadable pointer is reported as MODEL_CORRUPT naming active.json; list still works", async () => {
    await temp.registry.save(sampleArtifacts("a"), { activate: true });
    for (const content of ["{", '{"version":"../../etc/passwd"}', '{"version":"v01"}', "[]"]) {
      await fs.writeFile(path.join(temp.dir, "active.json"), content);
      await expect(temp.registry.getActive()).rejects.toMatchObject({
        code: "MODEL_CORRUPT",
        file: "active.json",
      });
      expect((await temp.registry.list()).map((e) => [e.version, e.is_active])).toEqual([
        ["v1", false],
      ]);
    }
    await temp.registry.activate("v1");
    expect(await temp.registry.getActive()).toBe("v1");
  });

  it("a symlinked pointer is not followed", async () => {
    await temp.registry.save(sampleArtifacts("a"), { activate: true });
    const outside = path.join(temp.base, "evil.json");
    await fs.writeFile(outside, '{"version":"v1"}');
    await fs.rm(path.join(temp.dir, "active.json"));
    await fs.symlink(outside, path.join(temp.dir, "active.json"));
    await expect(temp.registry.getActive()).rejects.toMatchObject({ code: "MODEL_CORRUPT" });
  });
});
