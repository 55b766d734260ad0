/**
 * Registry damage and training faults, whole stack: the built API server process serves a copy
 * of a registry trained by the real `mle train`; then the registry is damaged on disk or written
 * by `mle train` processes that race, get killed, or hit a read-only folder or a full disk.
 * Each case checks: the registry stays readable, every complete version stays intact, the server
 * keeps answering with the last good model, and /ready says what is wrong.
 */
import { spawnSync } from "node:child_process";
import { watch } from "node:fs";
import { chmod, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createFsBackend, createFsStore, createRegistry, registryOver } from "@mle/registry";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./support/api-process";
import { MLE_BIN, mleInProcess, runMle, spawnMle, tinyConfig } from "./support/cli";
import { failingWritesStore } from "./support/failing-store";
import { copyRegistry, trainRegistry } from "./support/fixture";
import { pollUntil } from "./support/poll";
import { errorOf, type RawResponse, rawRequest } from "./support/raw-http";
import { tempDir } from "./support/temp";

/**
 * Root ignores mode bits, so as root the read-only case writes as `nobody`; that needs `runuser`
 * and a checkout `nobody` can read. Without either it is skipped (the injected-EROFS store tests
 * of @mle/registry still cover it).
 */
const AS_ROOT = process.getuid?.() === 0;
const CAN_WRITE_UNPRIVILEGED =
  !AS_ROOT ||
  spawnSync("runuser", ["-u", "nobody", "--", process.execPath, MLE_BIN, "--version"], {
    timeout: 15_000,
  }).status === 0;

let base: { dir: string; cleanup: () => Promise<void> };
let golden: string;
let api: ApiProcess | undefined;

interface Ready {
  ready: boolean;
  version: string | null;
  code?: string;
  reason?: string;
}

const get = (p: string): Promise<RawResponse> => rawRequest((api as ApiProcess).url, p);
const ready = async () => {
  const r = await get("/ready");
  return { status: r.status, body: r.json as Ready };
};
const versionOf = (r: RawResponse) => (r.json as { model_version?: string }).model_version;

/** A fresh copy of the trained registry (v1, v2; v2 active) served by a new server process. */
async function serveCopy(name: string): Promise<string> {
  const dir = await copyRegistry(golden, base.dir, name);
  api = await startApiProcess({ MODEL_REGISTRY_DIR: dir });
  return dir;
}

/** Every version the registry lists is `ok` and loads (verified), and the listing itself works. */
async function expectIntact(dir: string): Promise<string[]> {
  const registry = createRegistry({ dir });
  const entries = await registry.list();
  for (const e of entries) {
    expect(e.status, `${e.version}: ${e.problem}`).toBe("ok");
    await expect(registry.load(e.version)).resolves.toMatchObject({ version: e.version });
  }
  return entries.map((e) => e.version);
}

async function configFile(
  name: string,
  dir: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const file = path.join(base.dir, `${name}.yaml`);
  await writeFile(file, tinyConfig(dir, extra));
  return file;
}

beforeAll(async () => {
  base = await tempDir();
  golden = await trainRegistry(base.dir);
});

afterEach(async () => {
  if (api) {
    expect(api.alive()).toBe(true);
    expect(api.output()).not.toMatch(/unhandled|uncaught|"level":60/i);
    await api.stop();
    api = undefined;
  }
});

afterAll(async () => {
  await base?.cleanup();
});

describe("damage to the registry while the server runs", () => {
  it("a tampered artifact of the active version: the server keeps serving it from memory, /ready says MODEL_CORRUPT naming the file, rollback with `mle models activate v1` works", async () => {
    const dir = await serveCopy("tampered");
    const before = await get("/predict?symbol=AAPL");
    expect(before.status).toBe(200);
    expect(versionOf(before)).toBe("v2");

    const file = path.join(dir, "v2", "model.json");
    const text = await readFile(file, "utf8");
    await writeFile(
      file,
      text.replace(
        /"intercept": (-?)(\d)/,
        (_m, sign, d) => `"intercept": ${sign}${(Number(d) + 1) % 10}`,
      ),
    );
    expect(await readFile(file, "utf8")).not.toBe(text);

    const r = await pollUntil(ready, (x) => x.status === 503);
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ ready: false, code: "MODEL_CORRUPT", version: "v2" });
    expect(r.body.reason).toContain("model.json");
    const during = await get("/predict?symbol=AAPL");
    expect(during.status).toBe(200);
    expect(during.json).toEqual(before.json);

    const models = (await get("/models")).json as {
      models: Array<{ version: string; status: string; problem?: string }>;
    };
    expect(models.models.map((m) => [m.version, m.status])).toEqual([
      ["v2", "corrupt"],
      ["v1", "ok"],
    ]);
    expect(models.models[0]?.problem).toContain("model.json");

    const refused = await runMle(["models", "activate", "v2", "--registry-dir", dir], {
      cwd: base.dir,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error \[MODEL_CORRUPT\]/);
    const rollback = await runMle(["models", "activate", "v1", "--registry-dir", dir], {
      cwd: base.dir,
    });
    expect(rollback.code, rollback.stderr).toBe(0);
    const after = await pollUntil(ready, (x) => x.status === 200);
    expect(after.body).toMatchObject({ ready: true, version: "v1" });
    expect(versionOf(await get("/predict?symbol=AAPL"))).toBe("v1");
  });

  it("the active version folder deleted: the last good model keeps answering, /ready says MODEL_NOT_FOUND; the next `mle train` gets v3 and is picked up without a restart", async () => {
    const dir = await serveCopy("deleted");
    expect(versionOf(await get("/predict?symbol=MSFT"))).toBe("v2");
    await rm(path.join(dir, "v2"), { recursive: true });

    const r = await pollUntil(ready, (x) => x.status === 503);
    expect(r.body).toMatchObject({ ready: false, code: "MODEL_NOT_FOUND" });
    expect(r.body.reason).toContain("v2");
    const during = await get("/predict?symbol=MSFT");
    expect(during.status).toBe(200);
    expect(versionOf(during)).toBe("v2");
    expect(await expectIntact(dir)).toEqual(["v1"]);

    const trained = await runMle(
      ["train", "--config", await configFile("deleted", dir), "--json"],
      { cwd: base.dir },
    );
    expect(trained.code, trained.stderr).toBe(0);
    expect(JSON.parse(trained.stdout).version).toBe("v3");
    const after = await pollUntil(ready, (x) => x.status === 200);
    expect(after.body).toMatchObject({ ready: true, version: "v3" });
    expect(versionOf(await get("/predict?symbol=MSFT"))).toBe("v3");
  });

  it("a server started on a registry whose active version is corrupt: 503 MODEL_CORRUPT on /predict and /ready, /health and /models answer, other versions stay servable", async () => {
    const dir = await copyRegistry(golden, base.dir, "corrupt-at-start");
    await writeFile(path.join(dir, "v2", "metrics.json"), "{}\n");
    api = await startApiProcess({ MODEL_REGISTRY_DIR: dir });
    const p = await get("/predict?symbol=AAPL");
    expect(p.status).toBe(503);
    expect(errorOf(p)?.code).toBe("MODEL_CORRUPT");
    expect(p.text).not.toContain(dir);
    const r = await ready();
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ ready: false, code: "MODEL_CORRUPT" });
    expect((await get("/health")).status).toBe(200);
    expect((await get("/models")).status).toBe(200);
    const v1 = await get("/predict?symbol=AAPL&version=v1");
    expect(v1.status).toBe(200);
    expect(versionOf(v1)).toBe("v1");
  });
});

describe("training faults while the server runs", () => {
  it("4 concurrent `mle train` processes on one registry: 4 distinct new versions, all verified, one of them active and served", async () => {
    const dir = await serveCopy("concurrent");
    const config = await configFile("concurrent", dir);
    const runs = await Promise.all(
      [1, 0.5, 0.25, 2].map((alpha) =>
        runMle(["train", "--config", config, "--alpha", String(alpha), "--json"], {
          cwd: base.dir,
        }),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const versions = runs.map((r) => JSON.parse(r.stdout).version as string);
    expect(new Set(versions).size).toBe(4);
    expect([...versions].sort()).toEqual(["v3", "v4", "v5", "v6"]);
    expect(await expectIntact(dir)).toEqual(["v6", "v5", "v4", "v3", "v2", "v1"]);
    // Each process saved what it trained: the alpha in its metadata matches its own run.
    for (const [i, alpha] of [1, 0.5, 0.25, 2].entries()) {
      const loaded = await createRegistry({ dir }).load(versions[i] as string);
      expect((loaded.model as { hyperparameters: { alpha: number } }).hyperparameters.alpha).toBe(
        alpha,
      );
    }
    const active = await createRegistry({ dir }).getActive();
    expect(versions).toContain(active);
    const r = await pollUntil(ready, (x) => x.status === 200 && x.body.version === active);
    expect(r.body).toMatchObject({ ready: true, version: active });
  });

  it("SIGKILL of `mle train` during its save: no partial version, the stale temp folder is ignored, the server stays ready, the next train succeeds", async () => {
    const dir = await serveCopy("killed");
    expect(versionOf(await get("/predict?symbol=AAPL"))).toBe("v2");
    const config = await configFile("killed", dir);
    const run = spawnMle(["train", "--config", config, "--json"], { cwd: base.dir });
    let sawSave = false;
    const watcher = watch(dir, (_event, name) => {
      if (!sawSave && typeof name === "string" && name.startsWith(".tmp-save-")) {
        sawSave = true;
        run.child.kill("SIGKILL");
      }
    });
    const result = await run.done;
    watcher.close();
    expect(sawSave).toBe(true);
    expect(result.signal).toBe("SIGKILL");
    const left = await readdir(dir);
    const versions = await expectIntact(dir);
    // Either the save was cut before its publish (no v3, a temp folder left) or after (v3 complete).
    expect([
      ["v2", "v1"],
      ["v3", "v2", "v1"],
    ]).toContainEqual(versions);
    if (!versions.includes("v3")) expect(left.some((n) => n.startsWith(".tmp-save-"))).toBe(true);

    const r = await pollUntil(ready, (x) => x.status === 200);
    expect(r.body.ready).toBe(true);
    expect((await get("/predict?symbol=AAPL")).status).toBe(200);

    const next = await runMle(["train", "--config", config, "--json"], { cwd: base.dir });
    expect(next.code, next.stderr).toBe(0);
    const nextVersion = JSON.parse(next.stdout).version as string;
    expect(nextVersion).toBe(versions.includes("v3") ? "v4" : "v3");
    expect((await expectIntact(dir))[0]).toBe(nextVersion);
    expect((await pollUntil(ready, (x) => x.body.version === nextVersion)).body).toMatchObject({
      ready: true,
      version: nextVersion,
    });
  });

  it.skipIf(!CAN_WRITE_UNPRIVILEGED)(
    "a read-only registry folder (chmod 555, trained as an unprivileged user): exit 1 REGISTRY_IO, nothing written, the server keeps serving v2",
    async () => {
      const dir = await serveCopy("read-only");
      expect(versionOf(await get("/predict?symbol=AAPL"))).toBe("v2");
      const config = await configFile("read-only", dir);
      const asRoot = AS_ROOT;
      if (asRoot) await chmod(base.dir, 0o755);
      await chmod(dir, 0o555);
      try {
        const r = await runMle(["train", "--config", config], {
          cwd: base.dir,
          ...(asRoot ? { user: "nobody" } : {}),
        });
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(/^error \[REGISTRY_IO\]: .*\((EACCES|EROFS|EPERM)\)/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      } finally {
        await chmod(dir, 0o755);
        if (asRoot) await chmod(base.dir, 0o700);
      }
      expect((await readdir(dir)).sort()).toEqual(["active.json", "history", "v1", "v2"]);
      expect(await expectIntact(dir)).toEqual(["v2", "v1"]);
      expect((await ready()).body).toMatchObject({ ready: true, version: "v2" });
      expect(versionOf(await get("/predict?symbol=AAPL"))).toBe("v2");
    },
  );

  for (const failAt of [1, 5]) {
    it(`a full disk (ENOSPC injected at write ${failAt} of the save): exit 1 REGISTRY_IO, no version, no temp folder left, the server keeps serving v2`, async () => {
      const dir = await serveCopy(`full-disk-${failAt}`);
      expect(versionOf(await get("/predict?symbol=AAPL"))).toBe("v2");
      const r = await mleInProcess(["train", "--config", await configFile(`full-${failAt}`, dir)], {
        cwd: base.dir,
        registryFor: (d) =>
          registryOver(
            createFsBackend(d, { store: failingWritesStore(createFsStore(d), failAt, "ENOSPC") }),
          ),
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error \[REGISTRY_IO\]: .*\(ENOSPC\)/);
      expect(r.stderr).not.toContain(dir);
      expect((await readdir(dir)).sort()).toEqual(["active.json", "history", "v1", "v2"]);
      expect(await expectIntact(dir)).toEqual(["v2", "v1"]);
      expect((await ready()).body).toMatchObject({ ready: true, version: "v2" });
      expect(versionOf(await get("/predict?symbol=AAPL"))).toBe("v2");
    });
  }
});
