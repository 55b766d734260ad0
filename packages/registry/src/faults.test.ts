import fs from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createRegistry } from "./create-registry";
import { isRegistryError } from "./errors";
import { createFsStore } from "./fs/fs-store";
import {
  failingWrites,
  makeTempDir,
  readOnly,
  registryPerTest,
  sampleArtifacts,
} from "./test-support";

const temp = registryPerTest();

beforeEach(async () => {
  const registry = createRegistry({ dir: temp.dir });
  await registry.save(sampleArtifacts("keep"), { activate: true });
});

async function expectIntact() {
  const registry = createRegistry({ dir: temp.dir });
  expect((await registry.list()).map((e) => [e.version, e.status, e.is_active])).toEqual([
    ["v1", "ok", true],
  ]);
  expect((await registry.load("v1")).metadata.tag).toBe("keep");
}

describe("storage faults", () => {
  // Writes 1-4 are the hashed artifacts, 5 is metadata.json, 6 is the pointer's temp file.
  for (const failAt of [1, 2, 3, 4, 5]) {
    it(`a full disk at write ${failAt} rejects with REGISTRY_IO, publishes nothing and cleans its temp folder`, async () => {
      const store = failingWrites(createFsStore(temp.dir), failAt, "ENOSPC");
      const registry = createRegistry({ dir: temp.dir, store });
      const err = await registry.save(sampleArtifacts("new"), { activate: true }).catch((e) => e);
      expect(isRegistryError(err, "REGISTRY_IO")).toBe(true);
      expect(err.message).toMatch(/\(ENOSPC\)$/);
      expect(err.message).not.toContain("secret");
      expect(err.message).not.toContain(temp.base);
      expect(err.cause?.code).toBe("ENOSPC");
      expect((await fs.readdir(temp.dir)).sort()).toEqual(["active.json", "history", "v1"]);
      await expectIntact();
    });
  }

  it("a full disk while writing the pointer keeps the new version complete and the old pointer", async () => {
    const store = failingWrites(createFsStore(temp.dir), 6, "ENOSPC");
    const registry = createRegistry({ dir: temp.dir, store });
    await expect(registry.save(sampleArtifacts("new"), { activate: true })).rejects.toMatchObject({
      code: "REGISTRY_IO",
      file: "active.json",
    });
    expect(await registry.getActive()).toBe("v1");
    expect((await registry.load("v2")).metadata.tag).toBe("new");
    expect((await fs.readdir(temp.dir)).sort()).toEqual(["active.json", "history", "v1", "v2"]);
  });

  it("a read-only registry (injected EROFS store) refuses save/activate/prune with REGISTRY_IO and stays readable", async () => {
    // A read-only mount (EROFS), simulated by a store whose every mutation fails; the real
    // chmod 555 case runs in test/read-only-folder.test.ts (as `nobody` when tests run as root).
    const store = readOnly(createFsStore(temp.dir), "EROFS");
    const registry = createRegistry({ dir: temp.dir, store });
    await expect(registry.save(sampleArtifacts("new"))).rejects.toMatchObject({
      code: "REGISTRY_IO",
    });
    await expect(registry.activate("v1")).rejects.toMatchObject({ code: "REGISTRY_IO" });
    await createRegistry({ dir: temp.dir }).save(sampleArtifacts("two"), { activate: true });
    await expect(registry.prune({ keep: 1 })).rejects.toMatchObject({ code: "REGISTRY_IO" });
    expect((await registry.list()).map((e) => e.status)).toEqual(["ok", "ok"]);
    expect((await registry.load("v1")).metadata.tag).toBe("keep");
  });

  it("a registry folder that cannot be created surfaces REGISTRY_IO without the absolute path", async () => {
    const file = path.join(temp.base, "not-a-dir");
    await fs.writeFile(file, "x");
    const registry = createRegistry({ dir: path.join(file, "models") });
    const err = await registry.save(sampleArtifacts("x")).catch((e) => e);
    expect(err).toMatchObject({ code: "REGISTRY_IO" });
    expect(err.message).not.toContain(temp.base);
  });
});

describe("unreadable versions", () => {
  it("list reports a version whose files cannot be read (EACCES) as corrupt and keeps listing", async () => {
    const base2 = await makeTempDir();
    try {
      const dir2 = path.join(base2, "models");
      const plain = createRegistry({ dir: dir2 });
      await plain.save(sampleArtifacts("a"));
      await plain.save(sampleArtifacts("b"), { activate: true });
      const inner = createFsStore(dir2);
      const store = {
        ...inner,
        async read(folder: string | null, file: string) {
          if (folder === "v1" && file === "metrics.json") {
            throw Object.assign(new Error("EACCES: permission denied, open '/x'"), {
              code: "EACCES",
            });
          }
          return inner.read(folder, file);
        },
      };
      const registry = createRegistry({ dir: dir2, store });
      expect((await registry.list()).map((e) => [e.version, e.status, e.problem])).toEqual([
        ["v2", "ok", undefined],
        ["v1", "corrupt", "metrics.json: unreadable (EACCES)"],
      ]);
      await expect(registry.load("v1")).rejects.toMatchObject({
        code: "REGISTRY_IO",
        file: "metrics.json",
      });
      expect((await registry.load("v2")).metadata.tag).toBe("b");
    } finally {
      await fs.rm(base2, { recursive: true, force: true });
    }
  });
});

describe("repair paths", () => {
  it("a failed pointer write after a complete save names the saved version in the error", async () => {
    const dir = path.join(await makeTempDir(), "models");
    await createRegistry({ dir }).save(sampleArtifacts("old"), { activate: true });
    const registry = createRegistry({ dir, store: failingWrites(createFsStore(dir), 6, "ENOSPC") });
    const err = await registry.save(sampleArtifacts("new"), { activate: true }).catch((e) => e);
    expect(isRegistryError(err, "REGISTRY_IO")).toBe(true);
    expect(err.version).toBe("v2");
    expect(err.message).toMatch(
      /^version v2 was saved complete but alias active was not moved to it: /,
    );
    expect(await registry.getActive()).toBe("v1");
  });

  it("a damaged pointer: list still works, activeOrNull is null, activate replaces the pointer", async () => {
    const dir = path.join(await makeTempDir(), "models");
    const registry = createRegistry({ dir });
    await registry.save(sampleArtifacts("a"), { activate: true });
    await registry.save(sampleArtifacts("b"));
    await fs.writeFile(path.join(dir, "active.json"), "{ garbage");
    await expect(registry.getActive()).rejects.toMatchObject({
      code: "MODEL_CORRUPT",
      file: "active.json",
    });
    expect(await registry.activeOrNull()).toBeNull();
    expect((await registry.list()).map((e) => e.version)).toEqual(["v2", "v1"]);
    await registry.activate("v2");
    expect(await registry.getActive()).toBe("v2");
  });
});
