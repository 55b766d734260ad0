/**
 * The registry's repair paths, through the real CLI and API: concurrent prunes, a prune racing an
 * activate, a damaged pointer, a registry path that is a file, and a full disk at the pointer write.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  createFsBackend,
  createFsStore,
  openRegistry,
  type RegistryStore,
  registryOver,
} from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./support/api-process";
import { mleInProcess, runMle, spawnMle, tinyConfig } from "./support/cli";
import { tempDir } from "./support/temp";

/** A store whose disk fills when the active pointer is staged (a top-level `.tmp-alias-*` file). */
function fullAtPointer(inner: RegistryStore): RegistryStore {
  return {
    ...inner,
    async write(folder, file, data) {
      if (folder === null && file.startsWith(".tmp-alias-")) {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
          code: "ENOSPC",
        });
      }
      return inner.write(folder, file, data);
    },
  };
}

let base: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  base = await tempDir("mle-repair-");
});
afterAll(async () => {
  await base.cleanup();
});

async function trainedRegistry(name: string, versions: number): Promise<string> {
  const dir = path.join(base.dir, name);
  const config = path.join(base.dir, `${name}.yaml`);
  await writeFile(config, tinyConfig(dir));
  for (let i = 0; i < versions; i++) {
    const r = await runMle(["train", "--config", config], { cwd: base.dir });
    expect(r.code, r.stderr).toBe(0);
  }
  return dir;
}

/** Copies the versions of `from` into a fresh registry folder (cheaper than training again). */
async function copyRegistry(from: string, name: string): Promise<string> {
  const dir = path.join(base.dir, name);
  const { cp } = await import("node:fs/promises");
  await cp(from, dir, { recursive: true });
  return dir;
}

let template: string;
beforeAll(async () => {
  template = await trainedRegistry("template", 4);
}, 120_000);

describe("registry repair paths", () => {
  it("two `mle models prune --keep 1` at once both exit 0 and report disjoint removals that add up", async () => {
    const dir = await copyRegistry(template, "two-prunes");
    const runs = [0, 1].map(() =>
      spawnMle(["models", "prune", "--keep", "1", "--registry", dir, "--json"], { cwd: base.dir }),
    );
    const results = await Promise.all(runs.map((r) => r.done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const removed = results.flatMap((r) => (JSON.parse(r.stdout) as { removed: string[] }).removed);
    expect(removed.sort()).toEqual(["v1", "v2", "v3"]);
    expect((await readdir(dir)).filter((n) => /^v\d+$/.test(n))).toEqual(["v4"]);
  });

  it("`mle models prune` racing `mle models activate v1` never leaves active on a removed version", async () => {
    for (let round = 0; round < 3; round++) {
      const dir = await copyRegistry(template, `prune-race-${round}`);
      const prune = spawnMle(["models", "prune", "--keep", "1", "--registry", dir], {
        cwd: base.dir,
      });
      const activate = spawnMle(["models", "activate", "v1", "--registry", dir], { cwd: base.dir });
      await Promise.all([prune.done, activate.done]);
      const registry = openRegistry(dir).model();
      const active = await registry.getActive();
      expect((await registry.list()).map((e) => e.version)).toContain(active);
      expect((await registry.load("active")).version).toBe(active);
    }
  }, 60_000);

  describe("a damaged active pointer", () => {
    let dir: string;
    let api: ApiProcess;
    const token = "repair-test-admin-token";
    beforeAll(async () => {
      dir = await copyRegistry(template, "damaged-pointer");
      await writeFile(path.join(dir, "active.json"), "{ not json");
      api = await startApiProcess({
        MODEL_REGISTRY_DIR: dir,
        ADMIN_TOKEN: token,
        MARKET_DATA_SOURCE: "sample",
      });
    }, 60_000);
    afterAll(async () => {
      await api?.stop();
    });

    it("listing works from the CLI and the API; activating replaces the pointer from either", async () => {
      const list = await runMle(["models", "list", "--registry", dir], { cwd: base.dir });
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toMatch(/v4/);
      const models = await fetch(`${api.url}/models`);
      expect(models.status).toBe(200);
      expect(await models.json()).toMatchObject({ active_version: null });
      expect((await fetch(`${api.url}/ready`)).status).toBe(503);
      const cli = await runMle(["models", "activate", "v2", "--registry", dir], { cwd: base.dir });
      expect(cli.code, cli.stderr).toBe(0);
      const viaApi = await fetch(`${api.url}/models/v3/activate`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(viaApi.status).toBe(200);
      expect(await viaApi.json()).toMatchObject({ active_version: "v3", previous_version: "v2" });
      expect(
        (
          (await (await fetch(`${api.url}/predict?symbol=AAPL`)).json()) as {
            model_version: string;
          }
        ).model_version,
      ).toBe("v3");
    });
  });

  it("a registry path that is a file: every route and command says REGISTRY_IO", async () => {
    const file = path.join(base.dir, "not-a-folder");
    await writeFile(file, "x");
    const api = await startApiProcess({ MODEL_REGISTRY_DIR: file, MARKET_DATA_SOURCE: "sample" });
    try {
      for (const route of ["/models", "/predict?symbol=AAPL", "/model/v1", "/ready"]) {
        const res = await fetch(`${api.url}${route}`);
        const body = (await res.json()) as { code?: string; error?: { code: string } };
        expect([route, res.status, body.error?.code ?? body.code]).toEqual([
          route,
          503,
          "REGISTRY_IO",
        ]);
      }
    } finally {
      await api.stop();
    }
    for (const args of [
      ["models", "list"],
      ["models", "show", "v1"],
      ["models", "activate", "v1"],
    ]) {
      const r = await runMle([...args, "--registry", file], { cwd: base.dir });
      expect([args.join(" "), r.code]).toEqual([args.join(" "), 1]);
      expect(r.stderr).toMatch(/^error \[REGISTRY_IO\]/);
    }
  });

  it("a full disk at the pointer write: `mle train` names the complete version it saved (not active)", async () => {
    const dir = await copyRegistry(template, "full-at-pointer");
    await mkdir(dir, { recursive: true });
    const config = path.join(base.dir, "full-at-pointer.yaml");
    await writeFile(config, tinyConfig(dir));
    // The version's files are written whole; the disk fills when the pointer is staged.
    const r = await mleInProcess(["train", "--config", config], {
      cwd: base.dir,
      registryFor: (d) =>
        registryOver(createFsBackend(d, { store: fullAtPointer(createFsStore(d)) })),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error \[REGISTRY_IO\]: version v5 was saved complete but alias active was not moved to it: .*\(ENOSPC\)/,
    );
    const registry = openRegistry(dir).model();
    expect(await registry.getActive()).toBe("v4");
    expect((await registry.load("v5")).version).toBe("v5");
  });
});
