import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry } from "./create-registry";
import { createFsStore } from "./fs/fs-store";
import { recording, registryPerTest, sampleArtifacts } from "./test-support";

const HOSTILE = [
  "../x",
  "../v1",
  "v1/../../etc",
  "v1/../v1",
  "%2e%2e%2f",
  "..%2Fv1",
  "/etc/passwd",
  "/tmp",
  "v0",
  "v01",
  "v1\0",
  "V1",
  "v1 ",
  "",
  ".",
  "..",
  ".tmp-save-1-abc",
  "active.json",
  `v${"1".repeat(10)}`,
  `v${"9".repeat(5000)}`,
];
const temp = registryPerTest();

describe("hostile version names", () => {
  it("are rejected with INVALID_VERSION before any storage access", async () => {
    const { store, calls } = recording(createFsStore(path.join(temp.base, "models")));
    const registry = createRegistry({ dir: store.location, store });
    for (const name of HOSTILE) {
      for (const op of [registry.get, registry.load, registry.activate]) {
        await expect(op(name), JSON.stringify(name)).rejects.toMatchObject({
          code: "INVALID_VERSION",
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it("never echo more than a short prefix of the name", async () => {
    const registry = createRegistry({ dir: path.join(temp.base, "models") });
    const err = (await registry.load(`v${"9".repeat(5000)}`).catch((e: unknown) => e)) as Error;
    expect(err.message.length).toBeLessThan(200);
  });

  it("leave a populated registry untouched", async () => {
    const registry = createRegistry({ dir: path.join(temp.base, "models") });
    await registry.save(sampleArtifacts("a"), { activate: true });
    for (const name of HOSTILE) await registry.activate(name).catch(() => undefined);
    expect(await registry.getActive()).toBe("v1");
  });
});

describe("filesystem store names", () => {
  it("refuses anything but a single path segment", async () => {
    const store = createFsStore(path.join(temp.base, "models"));
    for (const bad of ["../x", "a/b", "..", ".", "", "a\0b", "a\\b"]) {
      expect(() => store.locate(bad), JSON.stringify(bad)).toThrow(/single path segment/);
      await expect(store.read(bad, "model.json")).rejects.toThrow(/single path segment/);
      await expect(store.read("v1", bad)).rejects.toThrow(/single path segment/);
    }
  });
});
