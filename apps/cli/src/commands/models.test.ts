import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";

const ARTIFACTS = (n: number) => ({
  model: { format: "mle.ridge", n },
  metadata: {
    model_type: "ridge",
    split: { train_rows: 80, validation_rows: 20, cut_timestamp: "2025-01-01T00:00:00.000Z" },
  },
  metrics: {
    validation: {
      model: { rmse: 0.01 * n, mae: 0.01, r2: 0.001 * n, directional_accuracy: 0.5, n: 20 },
    },
  },
  featureColumns: ["close", "simple_return"],
  datasetSummary: { rows: 100 },
});

describe("mle models", () => {
  let tmp: TempDir;
  const dir = () => path.join(tmp.dir, "reg");

  beforeAll(async () => {
    tmp = await createTempDir();
    const registry = createRegistry({
      dir: dir(),
      clock: () => new Date("2026-01-02T03:04:05.000Z"),
    });
    await registry.save(ARTIFACTS(1), { activate: true });
    await registry.save(ARTIFACTS(2));
    await registry.save(ARTIFACTS(3));
  });
  afterAll(() => tmp.cleanup());

  it("lists versions newest first with metrics, status and the active marker", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run("models", "list", "--registry-dir", "reg");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^active\s+version\s+aliases\s+created\s+val RMSE\s+val R²\s+direction\s+status$/,
    );
    expect(lines[2]).toMatch(/^\s+v3\s+-\s+2026-01-02T03:04:05.000Z\s+0.03\s+0.003\s+50.0%\s+ok$/);
    expect(lines[4]).toMatch(/^\*\s+v1\s/);
    expect(run.stdout).toContain(`registry: ${dir()} (model default)\n`);
  });

  it("reads MODEL_REGISTRY_DIR relative to the user directory and prints JSON", async () => {
    const cli = createTestCli({ cwd: tmp.dir, env: { MODEL_REGISTRY_DIR: "reg" } });
    const run = await cli.run("models", "list", "--json");
    const parsed = JSON.parse(run.stdout);
    expect(Object.keys(parsed)).toEqual(["registry", "model", "active_version", "models"]);
    expect(parsed.registry).toBe(dir());
    expect(parsed.model).toBe("default");
    expect(parsed.models[2]).toMatchObject({ version: "v1", is_active: true, aliases: ["active"] });
    expect(parsed.active_version).toBe("v1");
    expect(parsed.models.map((m: { version: string }) => m.version)).toEqual(["v3", "v2", "v1"]);
  });

  it("lists an empty or missing registry without failing", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run("models", "list", "--registry-dir", "missing", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ active_version: null, models: [] });
  });

  it("shows one version, as text and as the registry's JSON", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const text = await cli.run("models", "show", "v2", "--registry-dir", "reg");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^version\s+v2\n/);
    expect(text.stdout).toMatch(/split\s+train 80 \/ validation 20/);
    const json = await cli.run("models", "show", "v1", "--registry-dir", "reg", "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ version: "v1", is_active: true, status: "ok" });
  });

  it("exits 1 for a version that does not exist and 2 for a malformed one", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const missing = await cli.run("models", "show", "v9", "--registry-dir", "reg");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error \[MODEL_NOT_FOUND\]/);
    const bad = await cli.run("models", "activate", "../v1", "--registry-dir", "reg");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error \[INVALID_VERSION\]/);
  });

  it("exits 2 when a required argument or option is missing", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const noVersion = await cli.run("models", "show");
    expect(noVersion.code).toBe(2);
    expect(noVersion.stderr).toMatch(/missing required argument 'version'/);
    const noKeep = await cli.run("models", "prune", "--registry-dir", "reg");
    expect(noKeep.code).toBe(2);
    expect(noKeep.stderr).toMatch(/--keep/);
  });

  it("marks a tampered version corrupt in the list and refuses to activate it (exit 1)", async () => {
    await writeFile(path.join(dir(), "v3", "model.json"), '{"tampered":true}');
    const cli = createTestCli({ cwd: tmp.dir });
    const list = await cli.run("models", "list", "--registry-dir", "reg");
    expect(list.stdout).toMatch(/\bv3\b.*corrupt: .*model\.json/);
    const activate = await cli.run("models", "activate", "v3", "--registry-dir", "reg");
    expect(activate.code).toBe(1);
    expect(activate.stderr).toMatch(/^error \[MODEL_CORRUPT\]/);
    expect(await createRegistry({ dir: dir() }).getActive()).toBe("v1");
  });

  it("prunes old versions but never the active one", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run("models", "prune", "--keep", "1", "--registry-dir", "reg", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ removed: ["v2"], remaining: ["v3", "v1"] });
  });
});
