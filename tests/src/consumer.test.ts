/**
 * The published shape, as another team gets it: every library packed with pnpm
 * (so `workspace:` ranges become semver ranges), installed with plain npm into a
 * fresh project outside the workspace, then used from ESM and from CommonJS.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIBRARIES } from "./support/libraries";
import { installPacked, type PackedProject } from "./support/pack";

const libs = LIBRARIES;
let packed: PackedProject;
let project: string;

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

beforeAll(async () => {
  packed = await installPacked(libs.map((lib) => `@mle/${lib}`));
  project = packed.dir;
}, 180_000);

afterAll(async () => {
  await packed?.cleanup();
});

describe("packed libraries", () => {
  it("replace workspace ranges with semver ranges in every tarball", () => {
    for (const lib of libs) {
      const manifest = JSON.parse(
        fs.readFileSync(path.join(project, "node_modules", "@mle", lib, "package.json"), "utf8"),
      );
      const ranges = Object.values({ ...manifest.dependencies }) as string[];
      for (const range of ranges) expect(range).not.toMatch(/^(workspace|catalog):/);
    }
  });

  it("ship only dist and the manifest", () => {
    for (const lib of libs) {
      const entries = fs.readdirSync(path.join(project, "node_modules", "@mle", lib)).sort();
      expect(
        entries.filter(
          (e) => !["dist", "package.json", "README.md", "LICENSE", "CHANGELOG.md"].includes(e),
        ),
      ).toEqual([]);
    }
  });

  const script = (kind: "esm" | "cjs") => {
    const load =
      kind === "esm" ? `const load = (n) => import(n);` : `const load = async (n) => require(n);`;
    return `${load}
(async () => {
  const features = await load("@mle/features");
  const market = await load("@mle/market-client");
  const dataset = await load("@mle/dataset");
  const trainer = await load("@mle/trainer");
  const registryLib = await load("@mle/registry");
  const inference = await load("@mle/inference");
  const evaluation = await load("@mle/evaluation");
  const os = require("node:os"), fs = require("node:fs"), path = require("node:path");

  const source = market.createSampleSource({ seed: 7 });
  const candles = await source.getCandles("ACME", { limit: 400 });
  const spec = { lookback: 10, features: [...features.DEFAULT_FEATURES] };
  const table = features.computeFeatures(candles.map((c) => c.close), spec);

  const ds = dataset.buildDataset({ ACME: candles }, spec);
  const result = trainer.train(ds, { alpha: 1, validationFraction: 0.2, folds: 3, gap: 10 });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mle-consumer-registry-"));
  const registry = registryLib.createRegistry({ dir });
  const saved = await registry.save({
    model: result.model, metadata: { model_type: "ridge" }, metrics: result.metrics,
    featureColumns: result.model.feature_spec.features, datasetSummary: dataset.summarizeDataset(ds),
  }, { activate: true });
  const loaded = await registry.load(saved.version);
  const model = trainer.parseModel(loaded.model);

  const predictor = inference.createPredictor({ registry, source, cacheTtlMs: 0 });
  const p = await predictor.predict("ACME");
  predictor.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({
    rows: table.length, offset: table.offset, version: saved.version,
    columns: model.feature_spec.features, prediction: p.prediction, modelVersion: p.model_version,
    dm: evaluation.dieboldMariano([0.01, -0.02, 0.03], [0.005, -0.01, 0.01], 0).defined,
  }));
})().catch((e) => { console.error(e); process.exit(1); });
`;
  };

  it.each(["esm", "cjs"] as const)("work end to end from %s", (kind) => {
    const file = path.join(project, kind === "esm" ? "main.mjs" : "main.cjs");
    const body =
      kind === "esm"
        ? `import { createRequire } from "node:module"; const require = createRequire(import.meta.url);\n${script(kind)}`
        : script(kind);
    fs.writeFileSync(file, body);
    const out = JSON.parse(run(process.execPath, [file], project));
    expect(out.offset).toBe(10);
    expect(out.rows).toBe(390);
    expect(out.version).toBe("v1");
    expect(out.modelVersion).toBe("v1");
    expect(out.columns).toEqual(["close", "simple_return", "moving_average", "rolling_volatility"]);
    expect(Number.isFinite(out.prediction)).toBe(true);
    expect(out.dm).toBe(true);
  });
});
