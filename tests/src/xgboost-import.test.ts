/**
 * An XGBoost model trained in Python, imported with `mle models import`, served by the API:
 * `/predict?version=v1` must answer XGBoost's own prediction for the feature row of the latest
 * candles (computed here independently with @mle/features), plus confidence and an interval from
 * the import's calibration residuals. When Debian's python3-xgboost is installed, XGBoost itself
 * predicts that row; otherwise the imported predictor stands in (it equals `Booster.predict`
 * bit for bit on the trainer's fixture rows).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, createLogger, loadApiConfig } from "@mle/api";
import { createBufferWriter, main } from "@mle/cli";
import { computeFeatureRows } from "@mle/features";
import { createSampleSource } from "@mle/market-client";
import { openRegistry } from "@mle/registry";
import { importXgboost, kindOf } from "@mle/trainer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const FIXTURE = new URL(
  "../../packages/trainer/src/kinds/xgboost/fixtures/market4.model.json",
  import.meta.url,
);
const FEATURES = ["close", "simple_return", "moving_average", "rolling_volatility"];
const PYTHON = "/usr/bin/python3";

function hasXgboost(): boolean {
  try {
    execFileSync(PYTHON, ["-c", "import xgboost"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** `Booster.predict` of the model file on one row, by XGBoost itself. */
function xgboostPredict(file: string, row: readonly number[]): number {
  const script = [
    "import json, sys, numpy, xgboost",
    "b = xgboost.Booster(model_file=sys.argv[1])",
    "x = numpy.array([json.loads(sys.argv[2])], dtype=numpy.float64)",
    "print(json.dumps(float(b.predict(xgboost.DMatrix(x))[0])))",
  ].join("\n");
  return JSON.parse(
    execFileSync(PYTHON, ["-c", script, file, JSON.stringify(row)], { encoding: "utf8" }),
  );
}

describe("an imported XGBoost model served by the API", () => {
  const source = createSampleSource();
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "mle-xgboost-"));
    file = path.join(dir, "m.json");
    await writeFile(file, await readFile(FIXTURE));
    const stdout = createBufferWriter();
    const stderr = createBufferWriter();
    const code = await main(
      [
        "node",
        "mle",
        "models",
        "import",
        "m.json",
        "--kind",
        "xgboost",
        "--features",
        FEATURES.join(","),
        "--registry",
        "reg",
        "--symbols",
        "AAPL,MSFT",
        "--candles",
        "300",
      ],
      {
        stdout,
        stderr,
        env: {},
        cwd: dir,
        now: () => new Date("2026-01-02T03:04:05.000Z"),
        createSource: () => source,
        openRegistry: (location) => openRegistry(location),
        waitForShutdown: () => Promise.resolve("SIGTERM"),
        serve: () => Promise.reject(new Error("not served here")),
      },
    );
    expect(stderr.text()).toBe("");
    expect(code).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function served() {
    const app = createApp({
      source,
      config: loadApiConfig({ LOG_LEVEL: "silent" }),
      logger: createLogger({ level: "silent" }),
      registry: openRegistry(path.join(dir, "reg")).model(),
    });
    const res = await app.request("/predict?symbol=AAPL&version=v1");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      prediction: number;
      confidence: number;
      model_version: string;
      features: Record<string, number>;
      prediction_interval: { lower: number; upper: number; level: number };
    };
    const info = await (await app.request("/model/v1")).json();
    // The row the API must have computed, from the same candles, computed here independently.
    const candles = await source.getCandles("AAPL", { limit: 100 });
    const rows = computeFeatureRows(candles, { lookback: 20, features: FEATURES });
    const last = rows.at(-1)! as unknown as Record<string, number>;
    const row = FEATURES.map((f) => body.features[f]!);
    // Same values up to the rounding of rolling sums over a different number of candles.
    FEATURES.forEach((f, i) => {
      expect(Math.abs(row[i]! - last[f]!)).toBeLessThanOrEqual(1e-12 * Math.abs(last[f]!));
    });
    return { body, info, row };
  }

  it("answers the imported model's prediction for the latest feature row, with calibrated confidence and interval", async () => {
    const { body, info, row } = await served();
    expect(body.model_version).toBe("v1");
    const { body: xgb } = importXgboost(JSON.parse(await readFile(file, "utf8")), FEATURES);
    expect(body.prediction).toBe(kindOf("xgboost").load(xgb).predictRow(row));
    expect(body.confidence).toBeGreaterThanOrEqual(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.prediction_interval.lower).toBeLessThan(body.prediction);
    expect(body.prediction_interval.upper).toBeGreaterThan(body.prediction);
    expect(info).toMatchObject({
      version: "v1",
      kind: "xgboost",
      hyperparameters: { objective: "reg:squarederror", num_trees: 8, xgboost_version: "1.7.4" },
    });
  });

  it.skipIf(!hasXgboost())(
    "answers what XGBoost's Booster.predict gives for that row (1e-6)",
    async () => {
      const { body, row } = await served();
      const reference = xgboostPredict(file, row);
      expect(Math.abs(body.prediction - reference)).toBeLessThanOrEqual(1e-6);
      expect(body.prediction).toBe(reference);
    },
  );
});
