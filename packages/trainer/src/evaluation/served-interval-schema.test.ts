import { buildDataset, DEFAULT_FEATURES } from "@mle/dataset";
import { describe, expect, it } from "vitest";
import { ar1Candles } from "../ar1.fixture";
import { isTrainerError } from "../errors";
import { train } from "../train";
import { parseServedInterval } from "./served-interval-schema";

const spec = { lookback: 10, features: [...DEFAULT_FEATURES] };
const report = () =>
  JSON.parse(
    JSON.stringify(
      train(buildDataset({ A: ar1Candles(800, 0.1, 3) }, spec), { folds: 3 }).evaluation,
    ),
  );

function failure(value: unknown): { code: string; path: string | undefined } {
  try {
    parseServedInterval(value);
  } catch (e) {
    if (isTrainerError(e)) return { code: e.code, path: e.path };
    throw e;
  }
  throw new Error("parsed");
}

describe("parseServedInterval", () => {
  it("reads back the interval of a stored report exactly", () => {
    const stored = report();
    expect(stored.interval.method).toBe("split-conformal");
    expect(parseServedInterval(stored)).toEqual(stored.interval);
  });

  it("reads the fallback interval too", () => {
    const stored = report();
    stored.interval = {
      method: "validation-residual-quantiles",
      level: 0.9,
      calibration_size: 4,
      reason: "too few scores",
      lower_offset: -0.02,
      upper_offset: 0.018,
    };
    expect(parseServedInterval(stored)).toEqual(stored.interval);
  });

  it("refuses what serving could not honour, naming the field", () => {
    const withInterval = (patch: Record<string, unknown>) => {
      const stored = report();
      stored.interval = { ...stored.interval, ...patch };
      return stored;
    };
    expect(failure(null)).toMatchObject({ code: "INVALID_EVALUATION" });
    expect(failure({ ...report(), format: "other" })).toMatchObject({ path: "format" });
    expect(failure(withInterval({ level: 0.8 }))).toMatchObject({ path: "interval.level" });
    expect(failure(withInterval({ quantile: -1 }))).toMatchObject({ path: "interval.quantile" });
    expect(failure(withInterval({ quantile: "1.7" }))).toMatchObject({ path: "interval.quantile" });
    expect(failure(withInterval({ scale_feature: "ema" }))).toMatchObject({
      path: "interval.scale_feature",
    });
    expect(failure(withInterval({ method: "adaptive" }))).toMatchObject({
      path: "interval.method",
    });
  });
});
