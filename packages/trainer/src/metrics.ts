/** Regression quality of predictions against actual next-step returns. */
export interface RegressionMetrics {
  readonly rmse: number;
  readonly mae: number;
  /** 1 − SSE/SST with SST around the mean of the evaluated rows; 1 if SST = SSE = 0, 0 if only SST = 0. */
  readonly r2: number;
  /**
   * Sign hit rate: share of rows with a non-zero actual value whose prediction has the same sign.
   * Rows whose actual value is exactly 0 are left out; a prediction of exactly 0 is a miss
   * (it calls no direction). 0 when no row has a non-zero actual value.
   */
  readonly directional_accuracy: number;
  readonly n: number;
}

/**
 * Computes RMSE, MAE, R² and directional accuracy in one pass plus one pass for the mean.
 * `predicted` is an array aligned with `actual`, or one constant prediction for every row.
 *
 * @example
 * ```ts
 * regressionMetrics([1, -1], [0.5, 0.5]);
 * // { rmse: 1.0606..., mae: 1, r2: -0.125, directional_accuracy: 0.5, n: 2 }
 * ```
 */
export function regressionMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number> | number,
): RegressionMetrics {
  const n = actual.length;
  if (n === 0) return { rmse: 0, mae: 0, r2: 0, directional_accuracy: 0, n: 0 };
  let ySum = 0;
  for (let i = 0; i < n; i++) ySum += actual[i]!;
  const yMean = ySum / n;
  const constant = typeof predicted === "number" ? predicted : 0;
  const arr = typeof predicted === "number" ? null : predicted;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  let hits = 0;
  let directional = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i]!;
    const p = arr === null ? constant : arr[i]!;
    const e = a - p;
    sse += e * e;
    sae += Math.abs(e);
    const c = a - yMean;
    sst += c * c;
    if (a !== 0) {
      directional++;
      if (a * p > 0) hits++;
    }
  }
  const r2 = sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0;
  return {
    rmse: Math.sqrt(sse / n),
    mae: sae / n,
    r2,
    directional_accuracy: directional > 0 ? hits / directional : 0,
    n,
  };
}

/** Mean and sample standard deviation (ddof 1; 0 for a single value) of each metric over folds. */
export function aggregateMetrics(folds: readonly RegressionMetrics[]): {
  mean: RegressionMetrics;
  std: RegressionMetrics;
} {
  const keys = ["rmse", "mae", "r2", "directional_accuracy", "n"] as const;
  const mean: Record<(typeof keys)[number], number> = {
    rmse: 0,
    mae: 0,
    r2: 0,
    directional_accuracy: 0,
    n: 0,
  };
  const std = { ...mean };
  const count = folds.length;
  for (const key of keys) {
    if (count === 0) continue;
    let s = 0;
    for (const f of folds) s += f[key];
    const m = s / count;
    let v = 0;
    for (const f of folds) v += (f[key] - m) ** 2;
    mean[key] = m;
    std[key] = count > 1 ? Math.sqrt(v / (count - 1)) : 0;
  }
  return { mean, std };
}
