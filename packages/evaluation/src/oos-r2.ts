import { alignedSeries, type Forecast, finiteSeries, forecastAt } from "./input";
import { notDefined, type Outcome } from "./result";

export interface OutOfSampleR2 {
  readonly n: number;
  /** 1 − SSE_model / SSE_baseline: > 0 means the model's squared error is below the baseline's. */
  readonly r2: number;
  readonly sse_model: number;
  readonly sse_baseline: number;
}

/**
 * Out-of-sample R² of Campbell & Thompson (2008): `1 − Σ(y − ŷ)² / Σ(y − ȳ_b)²`, where the
 * baseline ȳ_b is a naive forecast (0, or the mean of the training range) rather than the
 * evaluated rows' own mean, so it can be negative and compares against a forecast one could
 * actually have made.
 *
 * Not defined for no rows or a baseline with zero squared error.
 *
 * @example
 * ```ts
 * outOfSampleR2([0.01, -0.02, 0.03], [0.005, -0.01, 0.01], 0); // { defined: true, r2: 0.5, ... }
 * ```
 */
export function outOfSampleR2(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  baseline: Forecast,
): Outcome<OutOfSampleR2> {
  const n = finiteSeries(actual, "actual");
  alignedSeries(predicted, n, "predicted");
  const base = forecastAt(baseline, n, "baseline");
  if (n === 0) return notDefined("TOO_SHORT", "out-of-sample R² needs at least one row", 0);
  let sseModel = 0;
  let sseBase = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    const e = y - predicted[i]!;
    const b = y - base(i);
    sseModel += e * e;
    sseBase += b * b;
  }
  if (sseBase === 0) {
    return notDefined("ZERO_VARIANCE", "the baseline forecast has zero squared error", n);
  }
  return {
    defined: true,
    n,
    r2: 1 - sseModel / sseBase,
    sse_model: sseModel,
    sse_baseline: sseBase,
  };
}
