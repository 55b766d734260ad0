import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { paramDefaults } from "../params";
import { fitGbdt } from "./fit";
import { gbdtKind } from "./kind";
import { type GbdtParams, gbdtParams } from "./params";
import { rmse, synthetic } from "./synthetic.fixture";

/** Written by `scripts/make-xgboost-fixtures.py` (XGBoost `tree_method="hist"`, one thread). */
const reference = JSON.parse(
  readFileSync(new URL("./fixtures/xgboost-hist-reference.json", import.meta.url), "utf8"),
) as {
  xgboost_version: string;
  data: {
    rows: number;
    seed: number;
    sigma: number;
    cols: number;
    train_rows: number;
    first_row: { x: number[]; y: number };
    last_row: { x: number[]; y: number };
  };
  params: Partial<GbdtParams>;
  validation_rmse: number;
};

describe("gbdt against XGBoost hist", () => {
  const { rows, seed, sigma, cols, train_rows } = reference.data;
  const data = synthetic(rows, seed, sigma, cols);

  it("uses the same data set as the Python script (its port of the generator)", () => {
    const last = rows - 1;
    expect([...data.X.subarray(0, cols)]).toEqual(reference.data.first_row.x);
    expect([...data.X.subarray(last * cols)]).toEqual(reference.data.last_row.x);
    expect(data.y[0]).toBeCloseTo(reference.data.first_row.y, 12);
    expect(data.y[last]).toBeCloseTo(reference.data.last_row.y, 12);
  });

  it(`reaches a validation RMSE within 5 % of XGBoost ${reference.xgboost_version}'s with the same settings`, () => {
    const params = { ...(paramDefaults(gbdtParams) as GbdtParams), ...reference.params };
    const fit = fitGbdt(data, { start: 0, end: train_rows }, params, {
      seed: 0,
      onProgress: () => {},
    });
    const test = { start: train_rows, end: rows };
    const ours = rmse(
      data.y.subarray(train_rows),
      gbdtKind.load(fit.body).predictRange(data, test),
    );
    expect(Math.abs(ours / reference.validation_rmse - 1)).toBeLessThan(0.05);
  });
});
