import { finiteSeries, level as checkLevel } from "./input";
import { notDefined, type Outcome } from "./result";

export interface ConformalQuantile {
  /** Calibration scores used. */
  readonly n: number;
  readonly level: number;
  /** k = ⌈(n + 1) · level⌉: the k-th smallest score is the quantile. */
  readonly rank: number;
  readonly quantile: number;
}

// (n + 1) · level is computed in floating point: 0.9 · 20 must give rank 18, not 19.
const RANK_SLACK = 1e-9;

/**
 * Split-conformal quantile (Vovk et al. 2005; Lei et al. 2018; Angelopoulos & Bates 2023,
 * eq. 1): with n calibration scores s_i = |y_i − ŷ_i| from data the model was not fitted on,
 * q = the ⌈(n + 1) · level⌉-th smallest score, and `ŷ ± q` covers a new exchangeable outcome
 * with probability >= level.
 *
 * Not defined when ⌈(n + 1) · level⌉ > n (too few scores: the interval would be unbounded).
 *
 * @example
 * ```ts
 * const q = splitConformalQuantile(residuals.map(Math.abs), 0.9);
 * if (q.defined) console.log(prediction - q.quantile, prediction + q.quantile);
 * ```
 */
export function splitConformalQuantile(
  scores: ArrayLike<number>,
  level: number,
): Outcome<ConformalQuantile> {
  checkLevel(level);
  const n = finiteSeries(scores, "scores");
  const rank = Math.ceil((n + 1) * level - RANK_SLACK);
  if (rank > n) {
    return notDefined(
      "TOO_SHORT",
      `a ${level} conformal quantile needs at least ${Math.ceil(level / (1 - level) - RANK_SLACK)} calibration scores`,
      n,
    );
  }
  const sorted = Float64Array.from(scores).sort();
  return { defined: true, n, level, rank, quantile: sorted[rank - 1]! };
}
