import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRegistry } from "../src/create-registry";
import { makeTempDir, sampleArtifacts } from "../src/test-support";
import { assertBuilt } from "./workers";

const WORKER = path.join(import.meta.dirname, "readonly-worker.mjs");
const isRoot = process.getuid?.() === 0;

/** How to run a process that chmod restrictions apply to: directly, or as `nobody` when root. */
function unprivileged(): string[] | null {
  if (!isRoot) return [process.execPath];
  try {
    execFileSync("runuser", [
      "-u",
      "nobody",
      "--",
      process.execPath,
      "-e",
      "process.exit(process.getuid() === 0 ? 1 : 0)",
    ]);
    return ["runuser", "-u", "nobody", "--", process.execPath];
  } catch {
    return null;
  }
}
const runner = unprivileged();

let base: string;
beforeEach(async () => {
  base = await makeTempDir();
  await fs.chmod(base, 0o755);
});
afterEach(async () => {
  await fs.chmod(path.join(base, "models"), 0o755).catch(() => undefined);
  await fs.rm(base, { recursive: true, force: true });
});

describe("a real read-only registry folder (chmod 555)", () => {
  // As root, chmod does not block writes; the test then drops to `nobody` with runuser, and is
  // skipped only when that is impossible (the injected EROFS store in src/faults.test.ts covers it).
  it.skipIf(runner === null)(
    "refuses save, activate and prune with REGISTRY_IO while list, load and getActive still work",
    async () => {
      assertBuilt();
      const dir = path.join(base, "models");
      const registry = createRegistry({ dir });
      await registry.save(sampleArtifacts("one"));
      await registry.save(sampleArtifacts("two"), { activate: true });
      await fs.chmod(dir, 0o555);
      const [cmd, ...args] = runner as string[];
      const child = spawnSync(cmd as string, [...args, WORKER, dir], { encoding: "utf8" });
      expect(child.status, child.stderr).toBe(0);
      const r = JSON.parse(child.stdout);
      expect(r.save).toMatchObject({ ok: false, code: "REGISTRY_IO" });
      expect(r.save.message).toMatch(/\(EACCES\)$/);
      expect(r.save.message).not.toContain(base);
      expect(r.activate).toMatchObject({ ok: false, code: "REGISTRY_IO" });
      expect(r.prune).toMatchObject({ ok: false, code: "REGISTRY_IO" });
      expect(r.list).toEqual({
        ok: true,
        value: [
          ["v2", "ok", true],
          ["v1", "ok", false],
        ],
      });
      expect(r.load).toEqual({ ok: true, value: "one" });
      expect(r.active).toEqual({ ok: true, value: "v2" });
      expect((await fs.readdir(dir)).sort()).toEqual(["active.json", "history", "v1", "v2"]);
    },
    30_000,
  );
});
