import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { openRegistry } from "@mle/registry";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";

/** A committed fixture of packages/trainer/scripts/make-xgboost-fixtures.py (four inputs). */
const FIXTURE = new URL(
  "../../../../packages/trainer/src/kinds/xgboost/fixtures/market4.model.json",
  import.meta.url,
);
const FEATURES = "close,simple_return,moving_average,rolling_volatility";

describe("mle models import", () => {
  let tmp: TempDir;
  let bytes: Buffer;
  beforeEach(async () => {
    tmp = await createTempDir();
    bytes = await readFile(FIXTURE);
    await writeFile(path.join(tmp.dir, "m.json"), bytes);
  });
  afterEach(() => tmp.cleanup());
  const registry = () => openRegistry(path.join(tmp.dir, "reg")).model("btc");
  const importCommand = (features = FEATURES) => [
    "models",
    "import",
    "m.json",
    "--kind",
    "xgboost",
    "--features",
    features,
    "--registry",
    "reg",
  ];
  const importArgs = (...extra: string[]) => [
    ...importCommand(),
    "--model",
    "btc",
    "--symbols",
    "AAPL,MSFT",
    "--candles",
    "200",
    ...extra,
  ];

  it("saves a version with its feature spec, lineage, calibration residuals and honest metrics", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run(...importArgs("--activate", "--alias", "champion"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("version     v1 of model btc (xgboost, 8 trees)");
    expect(run.stdout).toContain("aliases     active, champion");

    const loaded = await registry().load("champion");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(loaded.metadata).toMatchObject({
      model_type: "xgboost",
      imported: true,
      imported_from: { file: "m.json", sha256, bytes: bytes.length, kind: "xgboost" },
      calibration: { symbols: ["AAPL", "MSFT"], candles: 200, source: "sample" },
    });
    const model = loaded.model as {
      kind: string;
      feature_spec: unknown;
      residuals: { n: number; std: number };
    };
    expect(model.kind).toBe("xgboost");
    expect(model.feature_spec).toEqual({ lookback: 20, features: FEATURES.split(",") });
    expect(model.residuals.n).toBeGreaterThan(300);
    expect(model.residuals.std).toBeGreaterThan(0);
    expect(loaded.metrics).toMatchObject({ imported: true, validation: null, cv: null });
    expect(loaded.datasetSummary).toMatchObject({ imported: true, training_data: null });

    const list = await cli.run("models", "list", "--registry", "reg", "--model", "btc");
    expect(list.stdout).toMatch(/\*\s+v1\s+champion\s+\S+\s+-\s+-\s+-\s+ok/);
  });

  it("writes the same model.json bytes for the same file", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    expect((await cli.run(...importArgs())).code).toBe(0);
    expect((await cli.run(...importArgs())).code).toBe(0);
    const [v1, v2] = await Promise.all(["v1", "v2"].map((v) => registry().load(v)));
    expect(JSON.stringify(v2!.model)).toBe(JSON.stringify(v1!.model));
  });

  it("refuses a feature count that does not match the model before fetching anything (exit 2)", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run(...importCommand("close,simple_return"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the model has 4 inputs, the feature spec 2");
    expect(cli.fetches()).toBe(0);
    expect(await openRegistry(path.join(tmp.dir, "reg")).models()).toEqual([]);
  });

  it("refuses an unsupported objective and a file that is not JSON", async () => {
    const doc = JSON.parse(bytes.toString("utf8"));
    doc.learner.objective.name = "binary:logistic";
    await writeFile(path.join(tmp.dir, "m.json"), JSON.stringify(doc));
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run(...importArgs());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'objective "binary:logistic" is not supported (only reg:squarederror)',
    );
    await writeFile(path.join(tmp.dir, "m.json"), "{ not json");
    const bad = await cli.run(...importArgs());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("m.json is not a JSON document");
  });

  it("offers only importable kinds, and `mle train` does not offer xgboost", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run(...importArgs().map((a) => (a === "xgboost" ? "gbdt" : a)));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are xgboost");
    const help = await cli.run("train", "--help");
    expect(help.stdout).toContain("ridge, gbdt");
    expect(help.stdout).not.toContain("xgboost");
  });
});
