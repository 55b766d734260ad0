import { EvaluationError } from "./errors";

/**
 * Newey & West (1994) automatic lag, floor(4 (n / 100)^(2/9)) (statsmodels' default for
 * `cov_hac`), kept below n.
 */
export function neweyWestLag(n: number): number {
  if (n < 2) return 0;
  return Math.min(n - 1, Math.floor(4 * (n / 100) ** (2 / 9)));
}

/**
 * Newey–West (1987) long-run variance of a series with Bartlett weights:
 * `S = γ₀ + 2 Σ_{j=1..L} (1 − j / (L + 1)) γ_j`, `γ_j = (1/n) Σ_t (f_t − f̄)(f_{t−j} − f̄)`.
 * Always >= 0; the variance of the mean is S / n.
 */
export function longRunVariance(
  values: ArrayLike<number>,
  lag: number,
): { mean: number; variance: number } {
  const n = values.length;
  if (!Number.isInteger(lag) || lag < 0) {
    throw new EvaluationError("INVALID_OPTIONS", `lag must be an integer >= 0, got ${lag}`, {
      path: "lag",
    });
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = values[i]! - mean;
  const autocov = (j: number) => {
    let s = 0;
    for (let t = j; t < n; t++) s += u[t]! * u[t - j]!;
    return s / n;
  };
  let variance = autocov(0);
  for (let j = 1; j <= Math.min(lag, n - 1); j++) variance += 2 * (1 - j / (lag + 1)) * autocov(j);
  return { mean, variance: Math.max(0, variance) };
}
