import { createSampleSource } from "@mle/market-client";
import { openRegistry } from "@mle/registry";
import { trainSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { tempRegistryPerTest } from "../test/fixtures";
import { MODEL_CONTENT_CHECKS } from "./content-checks";
import { createPredictor } from "./predictor";

const sample = createSampleSource({ seed: 3 });
const temp = tempRegistryPerTest();

type Body = {
  scaler: { means: number[]; scales: number[] };
  coefficients: number[];
  intercept: number;
};
type ModelJson = { body: Body; feature_spec: unknown } & Record<string, unknown>;

describe("a hostile registry: model.json with a correct SHA-256 but unusable content", () => {
  it("is listed corrupt with the reason, never loaded, aliased or served", async () => {
    const good = await trainSample(sample, {});
    const model = good.model as unknown as ModelJson;
    const hostile: Array<[string, unknown]> = [
      [
        "an infinite coefficient",
        { ...model, body: { ...model.body, coefficients: [Number.POSITIVE_INFINITY, 0, 0, 0] } },
      ],
      ["a NaN written as null", { ...model, body: { ...model.body, intercept: null } }],
      ["wrong lengths", { ...model, body: { ...model.body, coefficients: [0.1] } }],
      [
        "a __proto__ key",
        JSON.parse(JSON.stringify(model).replace('"body":', '"__proto__":{"x":1},"body":')),
      ],
      ["a huge array", { ...model, body: { ...model.body, coefficients: Array(200_000).fill(0) } }],
      [
        "an unknown feature",
        { ...model, feature_spec: { lookback: 5, features: ["close", "astrology", "x", "y"] } },
      ],
    ];
    for (const [, m] of hostile) await temp.registry.save({ ...good, model: m });
    const checked = openRegistry(temp.registry.location, {
      contentChecks: MODEL_CONTENT_CHECKS,
    }).model();
    const listed = await checked.list();
    expect(listed.map((e) => e.status)).toEqual(hostile.map(() => "corrupt"));
    for (const entry of listed) expect(entry.problem, entry.version).toMatch(/^model\.json: \S/);
    await expect(checked.load("v1")).rejects.toMatchObject({
      code: "MODEL_CORRUPT",
      file: "model.json",
    });
    await expect(checked.activate("v2")).rejects.toMatchObject({ code: "MODEL_CORRUPT" });
    const predictor = createPredictor({ registry: checked, source: sample });
    await expect(predictor.predict("AAPL", { version: "v3" })).rejects.toMatchObject({
      code: "MODEL_CORRUPT",
    });
    // A good version next to them is untouched.
    const { version } = await checked.save(good, { activate: true });
    expect((await predictor.predict("AAPL")).model_version).toBe(version);
  });
});

describe("a model whose numbers are finite but whose output is not", () => {
  it("is refused at load (INCOMPATIBLE_MODEL, /ready unservable), and a non-finite row is an error, never null", async () => {
    const good = await trainSample(sample, {});
    const model = good.model as unknown as ModelJson;
    const overflowing = {
      ...model,
      body: { ...model.body, coefficients: [1e308, 1e308, 1e308, 1e308] },
    };
    const { version } = await temp.registry.save(
      { ...good, model: overflowing },
      { activate: true },
    );
    const predictor = createPredictor({ registry: temp.registry, source: sample });
    const err = await predictor.predict("AAPL").catch((e) => e);
    expect(err).toMatchObject({ code: "INCOMPATIBLE_MODEL" });
    expect(err.message).toMatch(/not finite on a probe row/);
    expect(await predictor.readiness()).toMatchObject({ ready: false, code: "INCOMPATIBLE_MODEL" });
    // A model finite on the probe rows that overflows on an extreme row: an error, not a null.
    const steep = { ...model, body: { ...model.body, coefficients: [1e300, 0, 0, 0] } };
    const fine = await temp.registry.save({ ...good, model: steep });
    const snapshot = await createPredictor({ registry: temp.registry, source: sample }).snapshot({
      version: fine.version,
    });
    const extreme = new Float64Array(snapshot.columns.length).fill(1e12);
    expect(() => snapshot.predictRows(extreme)).toThrow(
      expect.objectContaining({ code: "NON_FINITE_PREDICTION" }),
    );
    expect(version).toBe("v1");
  });
});
