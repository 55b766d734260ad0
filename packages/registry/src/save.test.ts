import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createRegistry } from "./create-registry";
import { createFsStore } from "./fs/fs-store";
import type { RegistryStore } from "./fs/store";
import { registryPerTest, sampleArtifacts } from "./test-support";

const temp = registryPerTest();

/** A store where, just before our first publish, another saver publishes the same number. */
function losingFirstRace(inner: RegistryStore, competitors: number): RegistryStore {
  let pending = competitors;
  return {
    ...inner,
    async publish(from, to) {
      if (pending > 0) {
        pending -= 1;
        await createRegistry({ dir: temp.dir }).save(sampleArtifacts(`rival-${pending}`));
      }
      return inner.publish(from, to);
    },
  };
}

describe("save version allocation", () => {
  it("a saver that loses the race for vN retries with vN+1, rewriting its metadata, overwriting nothing", async () => {
    const store = losingFirstRace(createFsStore(temp.dir), 1);
    const registry = createRegistry({ dir: temp.dir, store });
    expect((await registry.save(sampleArtifacts("mine"))).version).toBe("v2");
    expect((await registry.load("v1")).metadata.tag).toBe("rival-0");
    const mine = await registry.load("v2");
    expect(mine.metadata.tag).toBe("mine");
    expect(mine.metadata.version).toBe("v2");
  });

  it("keeps retrying through several lost races", async () => {
    const store = losingFirstRace(createFsStore(temp.dir), 3);
    const registry = createRegistry({ dir: temp.dir, store });
    // The rivals are saved inside publish calls: v1 first, then v2 and v3 while we retry.
    expect((await registry.save(sampleArtifacts("mine"))).version).toBe("v4");
    expect((await registry.list()).map((e) => [e.version, e.status])).toEqual([
      ["v4", "ok"],
      ["v3", "ok"],
      ["v2", "ok"],
      ["v1", "ok"],
    ]);
  });

  it("many saves started together in one process get distinct consecutive versions", async () => {
    const registry = createRegistry({ dir: temp.dir });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => registry.save(sampleArtifacts(`p${i}`))),
    );
    expect(results.map((r) => r.version).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `v${i + 1}`).sort(),
    );
    for (const r of results)
      expect((await registry.load(r.version)).metadata.version).toBe(r.version);
    expect((await fs.readdir(temp.dir)).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
  });
});
