import { createSampleSource } from "@mle/market-client";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { tempRegistryPerTest } from "../test/fixtures";
import { createPredictor } from "./predictor";

const sample = createSampleSource({ seed: 7 });
const temp = tempRegistryPerTest();

describe("predictor.snapshot", () => {
  it("predicts a feature row bit-identically to predict() on the symbol whose features it is", async () => {
    const version = await saveSample(temp.registry, sample, { lookback: 12 });
    const predictor = createPredictor({ registry: temp.registry, source: sample, cacheTtlMs: 0 });
    const [aapl, msft] = [await predictor.predict("AAPL"), await predictor.predict("MSFT")];
    const snapshot = await predictor.snapshot();
    expect(snapshot.version).toBe(version);
    expect(snapshot.format).toBe("mle.ridge");
    expect(snapshot.lookback).toBe(12);
    const rows = [aapl, msft].flatMap((p) => snapshot.columns.map((c) => p.features[c]!));
    const [a, m] = snapshot.predictRows(Float64Array.from(rows));
    for (const [row, p] of [
      [a, aapl],
      [m, msft],
    ] as const) {
      expect(Object.is(row!.prediction, p.prediction)).toBe(true);
      expect(row!.confidence).toBe(p.confidence);
      expect(row!.prediction_interval).toEqual(p.prediction_interval);
    }
    expect(predictor.stats().predictionsByVersion[version]).toBe(4);
  });

  it("keeps the model it was taken from after another version is activated", async () => {
    const v1 = await saveSample(temp.registry, sample, { lookback: 12 });
    const predictor = createPredictor({
      registry: temp.registry,
      source: sample,
      reloadCheckMs: 0,
    });
    const snapshot = await predictor.snapshot();
    await saveSample(temp.registry, sample, { lookback: 5 });
    expect((await predictor.snapshot()).lookback).toBe(5);
    expect(snapshot.version).toBe(v1);
    expect(snapshot.predictRows(new Float64Array(snapshot.columns.length))).toHaveLength(1);
  });

  it("refuses a ragged matrix and non-finite values with a RangeError", async () => {
    await saveSample(temp.registry, sample, { lookback: 12 });
    const snapshot = await createPredictor({ registry: temp.registry, source: sample }).snapshot({
      version: "v1",
    });
    const k = snapshot.columns.length;
    expect(() => snapshot.predictRows(new Float64Array(k + 1))).toThrow(RangeError);
    const bad = new Float64Array(2 * k);
    bad[k + 1] = Number.NaN;
    expect(() => snapshot.predictRows(bad)).toThrow("row 1 holds a value that is not a finite");
  });
});
