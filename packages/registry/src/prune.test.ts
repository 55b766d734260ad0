import fs from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createRegistry } from "./create-registry";
import { createFsStore } from "./fs/fs-store";
import type { RegistryStore } from "./fs/store";
import { registryPerTest, sampleArtifacts } from "./test-support";

const temp = registryPerTest();

beforeEach(async () => {
  for (let i = 1; i <= 5; i++) await temp.registry.save(sampleArtifacts(`m${i}`));
});

describe("prune", () => {
  it("keeps the newest versions and the active one, deleting the rest newest first", async () => {
    await temp.registry.activate("v1");
    expect(await temp.registry.prune({ keep: 2 })).toEqual(["v3", "v2"]);
    expect((await temp.registry.list()).map((e) => e.version)).toEqual(["v5", "v4", "v1"]);
    expect(await temp.registry.getActive()).toBe("v1");
    expect((await temp.registry.load("v1")).metadata.tag).toBe("m1");
    expect(await fs.readdir(temp.dir)).not.toContain(expect.stringMatching(/^\.tmp-/));
  });

  it("never deletes the active version even when it is the oldest and keep is 1", async () => {
    await temp.registry.activate("v2");
    expect(await temp.registry.prune({ keep: 1 })).toEqual(["v4", "v3", "v1"]);
    expect((await temp.registry.list()).map((e) => [e.version, e.is_active])).toEqual([
      ["v5", false],
      ["v2", true],
    ]);
  });

  it("also removes corrupt versions beyond keep, and new saves continue the numbering", async () => {
    await fs.rm(path.join(temp.base, "models", "v1", "model.json"));
    expect(await temp.registry.prune({ keep: 4 })).toEqual(["v1"]);
    expect((await temp.registry.save(sampleArtifacts("next"))).version).toBe("v6");
  });

  it("refuses keep values below 1 or fractional with INVALID_ARGUMENT", async () => {
    for (const keep of [0, -1, 1.5, Number.NaN]) {
      await expect(temp.registry.prune({ keep })).rejects.toMatchObject({
        code: "INVALID_ARGUMENT",
      });
    }
    expect((await temp.registry.list()).length).toBe(5);
  });

  it("refuses to prune when the active pointer is unreadable (it cannot know what to spare)", async () => {
    await fs.writeFile(path.join(temp.dir, "active.json"), "garbage");
    await expect(temp.registry.prune({ keep: 1 })).rejects.toMatchObject({ code: "MODEL_CORRUPT" });
    expect((await temp.registry.list()).length).toBe(5);
  });

  it("removes temporary entries older than the grace period and keeps recent ones", async () => {
    const stale = path.join(temp.dir, ".tmp-save-999-aaaaaaaaaaaa");
    const fresh = path.join(temp.dir, ".tmp-save-998-bbbbbbbbbbbb");
    const staleFile = path.join(temp.dir, ".tmp-active-997-cccccccccccc");
    await fs.mkdir(stale);
    await fs.writeFile(path.join(stale, "model.json"), "{}");
    await fs.mkdir(fresh);
    await fs.writeFile(staleFile, "{}");
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await fs.utimes(stale, hourAgo, hourAgo);
    await fs.utimes(staleFile, hourAgo, hourAgo);
    await temp.registry.prune({ keep: 10 });
    const names = await fs.readdir(temp.dir);
    expect(names).not.toContain(path.basename(stale));
    expect(names).not.toContain(path.basename(staleFile));
    expect(names).toContain(path.basename(fresh));
  });

  it("uses the injected wall clock and grace period to age temporary entries", async () => {
    const tmp = path.join(temp.dir, ".tmp-save-1-dddddddddddd");
    await fs.mkdir(tmp);
    const mtime = (await fs.stat(tmp)).mtimeMs;
    const r = createRegistry({ dir: temp.dir, tempGraceMs: 1000, now: () => mtime + 500 });
    await r.prune({ keep: 10 });
    expect(await fs.readdir(temp.dir)).toContain(path.basename(tmp));
    const later = createRegistry({ dir: temp.dir, tempGraceMs: 1000, now: () => mtime + 1500 });
    await later.prune({ keep: 10 });
    expect(await fs.readdir(temp.dir)).not.toContain(path.basename(tmp));
  });
});

describe("reading while another process prunes", () => {
  it("a version renamed away mid-read is reported as not found, not corrupt", async () => {
    const inner = createFsStore(temp.dir);
    const store: RegistryStore = {
      ...inner,
      async read(folder, file) {
        if (folder === "v3" && file === "metrics.json") {
          await fs.rename(
            path.join(temp.dir, "v3"),
            path.join(temp.dir, ".tmp-trash-v3-1-abcdefabcdef"),
          );
        }
        return inner.read(folder, file);
      },
    };
    const reader = createRegistry({ dir: temp.dir, store });
    await expect(reader.load("v3")).rejects.toMatchObject({ code: "MODEL_NOT_FOUND" });
    expect((await reader.list()).map((e) => e.version)).toEqual(["v5", "v4", "v2", "v1"]);
  });
});
