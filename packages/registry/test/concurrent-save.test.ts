import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../src/create-registry";
import { makeTempDir } from "../src/test-support";
import { assertBuilt, startWorker } from "./workers";

const WORKERS = 8;
const SAVES_EACH = 3;
let base: string;

beforeAll(async () => {
  assertBuilt();
  base = await makeTempDir();
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe("concurrent saves from separate processes", () => {
  it(`${WORKERS} processes saving ${SAVES_EACH} versions each get distinct consecutive versions, none overwritten`, async () => {
    const dir = path.join(base, "models");
    const workers = Array.from({ length: WORKERS }, (_, w) =>
      startWorker([dir, `w${w}`, String(SAVES_EACH), "none", "0"]),
    );
    await Promise.all(workers.map((w) => w.waitFor("READY")));
    for (const w of workers) w.child.stdin?.write("go\n"); // start together
    const exits = await Promise.all(workers.map((w) => w.exited));
    expect(exits.map((e) => e.code)).toEqual(Array(WORKERS).fill(0));

    const saved = workers.flatMap((w) => w.lines().filter((l) => l.startsWith("SAVED ")));
    const byVersion = new Map(saved.map((l) => [l.split(" ")[1], l.split(" ")[2]]));
    const total = WORKERS * SAVES_EACH;
    expect(saved).toHaveLength(total);
    expect([...byVersion.keys()].sort()).toEqual(
      Array.from({ length: total }, (_, i) => `v${i + 1}`).sort(),
    );

    // Every version holds exactly what the process that reported it saved.
    const registry = createRegistry({ dir });
    const list = await registry.list();
    expect(list.map((e) => e.version)).toEqual(
      Array.from({ length: total }, (_, i) => `v${total - i}`),
    );
    expect(list.every((e) => e.status === "ok")).toBe(true);
    const tags = new Set<string>();
    for (const [version, tag] of byVersion) {
      const loaded = await registry.load(version as string);
      expect(loaded.metadata.tag).toBe(tag);
      expect((loaded.model as { tag: string }).tag).toBe(tag);
      expect((loaded.datasetSummary as { tag: string }).tag).toBe(tag);
      tags.add(tag as string);
    }
    expect(tags.size).toBe(total);
    expect((await fs.readdir(dir)).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
    expect(await registry.getActive()).toBeNull();
  }, 60_000);
});
