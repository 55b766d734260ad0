import { finite, numbers, object } from "../../parse-fields";
import type { TrainableModelKind } from "../kind";
import { defineParams } from "../params";
import { fitRidge } from "./fit";
import { predictRange, predictRow } from "./predict";

/** The ridge body of `model.json`: standardization and coefficients on standardized inputs. */
export interface RidgeBody {
  scaler: { means: number[]; scales: number[] };
  coefficients: number[];
  intercept: number;
}

const params = defineParams({
  alpha: {
    type: "number",
    default: 1,
    min: 0,
    summary: "L2 penalty on the standardized coefficients (0 = ordinary least squares)",
  },
});

/**
 * Ridge regression solved in closed form (see `fitRidge`). Prediction:
 * `intercept + Σ coefficients[j] · (x[j] − means[j]) / scales[j]`.
 */
export const ridgeKind: TrainableModelKind<"ridge", { alpha: number }, RidgeBody> = {
  name: "ridge",
  summary: "standardized linear regression with an L2 penalty, solved in closed form",
  params,
  fit(design, range, p, ctx) {
    const m = fitRidge(design, range, {
      alpha: p.alpha,
      featureColumns: ctx.featureColumns,
      onSingular: ctx.onSingular,
    });
    return {
      scaler: { means: [...m.means], scales: [...m.scales] },
      coefficients: [...m.coefficients],
      intercept: m.intercept,
    };
  },
  parseBody(body, k) {
    const b = object(body, "body");
    const scaler = object(b.scaler, "body.scaler");
    return {
      scaler: {
        means: numbers(scaler.means, "body.scaler.means", k),
        scales: numbers(scaler.scales, "body.scaler.scales", k, true),
      },
      coefficients: numbers(b.coefficients, "body.coefficients", k),
      intercept: finite(b.intercept, "body.intercept"),
    };
  },
  load(body) {
    return {
      predictRow: (x) => predictRow(body, x),
      predictRange: (data, range, out) => predictRange(body, data, range, out),
    };
  },
  // The training means and one standard deviation either side: where served rows lie.
  probeRows({ scaler: { means, scales } }) {
    return [means, means.map((m, i) => m + scales[i]!), means.map((m, i) => m - scales[i]!)];
  },
};
