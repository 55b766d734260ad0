import { regressionMetrics } from "./metrics";

/** Validation residual statistics (`actual − predicted`) stored in model.json for serving. */
export interface ResidualStats {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (ddof 1) of the residuals. */
  readonly std: number;
  readonly mae: number;
  /** Empirical quantiles of the residuals (linear interpolation, numpy's default method). */
  readonly quantiles: { readonly q05: number; readonly q50: number; readonly q95: number };
  /** Sample standard deviation of the actual validation targets. */
  readonly target_std: number;
  readonly directional_accuracy: number;
}

/**
 * Quantile `q` of an ascending-sorted array by linear interpolation between order statistics
 * (numpy `method="linear"`, Hyndman-Fan type 7).
 *
 * @example
 * ```ts
 * quantileSorted(Float64Array.from([1, 2, 3, 4]), 0.5); // 2.5
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, std: 0 };
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i]!;
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i]! - mean) ** 2;
  return { mean, std: n > 1 ? Math.sqrt(v / (n - 1)) : 0 };
}

/**
 * Summarizes validation residuals for confidence and a 90% prediction interval
 * (`prediction + q05`, `prediction + q95`).
 *
 * @example
 * ```ts
 * const r = residualStats(yValidation, predictions);
 * const interval = [p + r.quantiles.q05, p + r.quantiles.q95];
 * ```
 */
export function residualStats(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): ResidualStats {
  const n = actual.length;
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = actual[i]! - predicted[i]!;
  const { mean, std } = meanStd(residuals);
  const metrics = regressionMetrics(actual, predicted);
  residuals.sort();
  return {
    n,
    mean,
    std,
    mae: metrics.mae,
    quantiles: {
      q05: quantileSorted(residuals, 0.05),
      q50: quantileSorted(residuals, 0.5),
      q95: quantileSorted(residuals, 0.95),
    },
    target_std: meanStd(actual).std,
    directional_accuracy: metrics.directional_accuracy,
  };
}
