import { describe, expect, it } from "vitest";
import { importXgboost } from "./import";
import { xgboostModel } from "./predict";
import {
  columnsFor,
  FIXTURE_MODELS,
  FIXTURE_PREDICTIONS,
  fixtureRows,
  xgboostFixture,
} from "./fixtures.fixture";

describe("xgboost predictions", () => {
  it("covers depth 1 to 6, base_score set, exact and hist trees, missing values", () => {
    expect(FIXTURE_MODELS).toEqual([
      "depth1",
      "depth2",
      "depth3",
      "depth4",
      "depth5",
      "depth6",
      "base-score",
      "exact",
      "market4",
    ]);
    expect(FIXTURE_PREDICTIONS.rows.some((r) => r.includes(null))).toBe(true);
  });

  for (const name of FIXTURE_MODELS) {
    it(`equal Booster.predict of XGBoost ${FIXTURE_PREDICTIONS.xgboost_version} on the fixture rows (${name}), to the float32 bit`, () => {
      const { body } = importXgboost(xgboostFixture(`${name}.model.json`), columnsFor(name));
      const model = xgboostModel(body);
      const rows = fixtureRows(name);
      const expected = FIXTURE_PREDICTIONS.models[name]!.predictions;
      const got = rows.map((r) => model.predictRow(r));
      for (let i = 0; i < rows.length; i++) {
        expect(Math.abs(got[i]! - expected[i]!)).toBeLessThanOrEqual(1e-6);
      }
      // Same float32 arithmetic as XGBoost: not just close, identical.
      expect(got).toEqual(expected);
    });
  }

  it("predictRange gives the same bits as predictRow, on a row range of a matrix", () => {
    const { body } = importXgboost(xgboostFixture("depth6.model.json"), columnsFor("depth6"));
    const model = xgboostModel(body);
    const rows = fixtureRows("depth6");
    const X = new Float64Array(rows.length * 3);
    for (const [i, r] of rows.entries()) X.set(r, i * 3);
    const out = model.predictRange({ X, cols: 3 }, { start: 5, end: rows.length });
    expect([...out]).toEqual(rows.slice(5).map((r) => model.predictRow(r)));
  });

  it("sends a missing value in the split's default direction and compares inputs as float32", () => {
    // One split on x0 < 0.1 (float32), NaN goes left; leaves -1 (left) and 2 (right).
    const threshold = Math.fround(0.1);
    const model = xgboostModel({
      objective: "reg:squarederror",
      base_score: 0.5,
      trees: [
        {
          split_indices: [0, 0, 0],
          split_conditions: [threshold, -1, 2],
          left_children: [1, -1, -1],
          right_children: [2, -1, -1],
          default_left: [1, 0, 0],
        },
      ],
    });
    expect(model.predictRow([Number.NaN])).toBe(-0.5);
    expect(model.predictRow([0.05])).toBe(-0.5);
    expect(model.predictRow([threshold])).toBe(2.5); // not < itself
    // 0.1 in float64 is just below float32(0.1) but equal to it once read as float32.
    expect(0.1 < threshold).toBe(true);
    expect(model.predictRow([0.1])).toBe(2.5);
  });
});
