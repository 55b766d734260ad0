import type { DesignData, RowRange } from "../../range";

/** The parts of a model prediction needs: a `RidgeModel` or anything shaped like it. */
export interface LinearModelLike {
  readonly means: ArrayLike<number>;
  readonly scales: ArrayLike<number>;
  readonly coefficients: ArrayLike<number>;
  readonly intercept: number;
}

/** The parts of a `model.json` artifact prediction needs. */
export interface ScaledModelLike {
  readonly scaler: { readonly means: ArrayLike<number>; readonly scales: ArrayLike<number> };
  readonly coefficients: ArrayLike<number>;
  readonly intercept: number;
}

function linear(model: LinearModelLike | ScaledModelLike): LinearModelLike {
  if ("scaler" in model) {
    return {
      means: model.scaler.means,
      scales: model.scaler.scales,
      coefficients: model.coefficients,
      intercept: model.intercept,
    };
  }
  return model;
}

/**
 * Predicts one row: `intercept + Σ coefficients[j] · (x[j] − means[j]) / scales[j]`.
 * `x` holds the raw (unstandardized) feature values in the model's column order. `model` is a
 * `RidgeModel` or a parsed `model.json` artifact.
 *
 * @example
 * ```ts
 * predictRow({ means: [2], scales: [1], coefficients: [3], intercept: 1 }, [4]); // 7
 * ```
 */
export function predictRow(model: LinearModelLike | ScaledModelLike, x: ArrayLike<number>): number {
  const { means, scales, coefficients, intercept } = linear(model);
  let sum = intercept;
  for (let j = 0; j < coefficients.length; j++) {
    sum += (coefficients[j]! * (x[j]! - means[j]!)) / scales[j]!;
  }
  return sum;
}

/**
 * Predicts every row of `range` from a row-major matrix into a new (or the given) Float64Array,
 * without per-row allocation; each value is bit-identical to `predictRow` on that row.
 *
 * @example
 * ```ts
 * const p = predictRange(model, { X, y, cols: 4 }, { start: 0, end: 100 }); // p.length === 100
 * ```
 */
export function predictRange(
  model: LinearModelLike | ScaledModelLike,
  data: Pick<DesignData, "X" | "cols">,
  range: RowRange,
  out: Float64Array = new Float64Array(range.end - range.start),
): Float64Array {
  const k = data.cols;
  const { X } = data;
  const { means, scales, coefficients, intercept } = linear(model);
  // The same expression, in the same order, as predictRow: results are bit-identical to it.
  for (let i = range.start, r = 0; i < range.end; i++, r++) {
    const o = i * k;
    let sum = intercept;
    for (let j = 0; j < k; j++) sum += (coefficients[j]! * (X[o + j]! - means[j]!)) / scales[j]!;
    out[r] = sum;
  }
  return out;
}
