import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRegistry } from "../src/create-registry";
import { makeTempDir, sampleArtifacts } from "../src/test-support";
import type { Registry } from "../src/types";
import { assertBuilt, startWorker } from "./workers";

let base: string;
let dir: string;

beforeAll(() => {
  assertBuilt();
});
beforeEach(async () => {
  base = await makeTempDir();
  dir = path.join(base, "models");
  await createRegistry({ dir }).save(sampleArtifacts("before"), { activate: true });
});
afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

/** Every listed version is complete and loads; versions are v1..vN without gaps. */
async function expectConsistent(registry: Registry): Promise<string[]> {
  const list = await registry.list();
  expect(list.filter((e) => e.status !== "ok")).toEqual([]);
  const versions = list.map((e) => e.version);
  expect(versions).toEqual(
    Array.from({ length: versions.length }, (_, i) => `v${versions.length - i}`),
  );
  for (const v of versions) await registry.load(v);
  const active = await registry.getActive();
  expect(active === null || versions.includes(active)).toBe(true);
  return versions;
}

// Writes 1-4: hashed artifacts; 5: metadata.json; publish: after the rename into vN;
// 6: the pointer's temporary file (activate), before it is renamed over active.json.
const POINTS: Array<{ pause: string; published: boolean }> = [
  { pause: "mkdir", published: false },
  { pause: "write:1", published: false },
  { pause: "write:3", published: false },
  { pause: "write:4", published: false },
  { pause: "write:5", published: false },
  { pause: "publish", published: true },
  { pause: "write:6", published: true },
];

describe("SIGKILL during save", () => {
  for (const { pause, published } of POINTS) {
    it(`killed at ${pause}: ${published ? "a complete v2" : "no new version"}, old pointer, registry usable`, async () => {
      const worker = startWorker([dir, "killed", "1", pause, "1"]);
      await worker.waitFor("READY");
      worker.child.stdin?.write("go\n");
      await worker.waitFor(`PAUSED ${pause}`);
      worker.child.kill("SIGKILL");
      expect((await worker.exited).signal).toBe("SIGKILL");

      const registry = createRegistry({ dir });
      const versions = await expectConsistent(registry);
      expect(versions).toEqual(published ? ["v2", "v1"] : ["v1"]);
      if (published) expect((await registry.load("v2")).metadata.tag).toBe("killed-0");
      expect(await registry.getActive()).toBe("v1");

      // The next save continues the numbering; the leftover temp entry is ignored, then cleaned.
      const next = await registry.save(sampleArtifacts("after"));
      expect(next.version).toBe(published ? "v3" : "v2");
      const leftovers = (await fs.readdir(dir)).filter((n) => n.startsWith(".tmp-"));
      expect(leftovers.length).toBe(pause === "publish" ? 0 : 1); // still inside the grace period
      const sweeper = createRegistry({ dir, tempGraceMs: 0, now: () => Date.now() + 1000 });
      await sweeper.prune({ keep: 100 });
      expect((await fs.readdir(dir)).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
      await expectConsistent(sweeper);
    }, 30_000);
  }

  it("killed after assorted small delays while saving in a loop: every surviving version is complete", async () => {
    for (const delayMs of [0, 2, 5, 11, 23]) {
      const worker = startWorker([dir, `loop${delayMs}`, "1000", "none", "1"]);
      await worker.waitFor("READY");
      worker.child.stdin?.write("go\n");
      await new Promise((r) => setTimeout(r, delayMs));
      worker.child.kill("SIGKILL");
      await worker.exited;
      await expectConsistent(createRegistry({ dir }));
    }
    const registry = createRegistry({ dir });
    const { version } = await registry.save(sampleArtifacts("final"), { activate: true });
    expect(await registry.getActive()).toBe(version);
    await expectConsistent(registry);
  }, 60_000);
});
