import { TrainerError } from "../../errors";
import { accumulateNormalEquations } from "./normal-equations";
import { checkRange, type DesignData, type RowRange } from "../../range";
import { type SingularPolicy, solveSymmetric } from "./solve";

/**
 * A fitted ridge model. Prediction: `intercept + Σ coefficients[j] · (x[j] − means[j]) / scales[j]`.
 * Coefficients are on standardized features; the intercept is the training mean of `y`.
 */
export interface RidgeModel {
  readonly featureColumns: readonly string[];
  readonly means: number[];
  readonly scales: number[];
  readonly coefficients: number[];
  readonly intercept: number;
  readonly alpha: number;
}

export interface RidgeOptions {
  /** L2 penalty on the standardized coefficients (sum-of-squares scale, not divided by n). 0 = OLS. */
  readonly alpha: number;
  /** Names of the columns, in order; default `x0, x1, ...`. */
  readonly featureColumns?: readonly string[];
  /** Singular/ill-conditioned systems: throw `SINGULAR_SYSTEM` (default) or use the minimum-norm pseudo-inverse solution. */
  readonly onSingular?: SingularPolicy;
}

/**
 * Fits ridge regression on rows `[range.start, range.end)` of a row-major design matrix, without
 * copying the rows: two passes accumulate the centered k×k normal equations (O(k²) memory,
 * O(n·k²) time), which are standardized (population std, ddof 0), penalized on the diagonal and
 * solved by Cholesky. The intercept is not penalized. A constant column gets scale 1 and
 * coefficient 0.
 *
 * Minimizes `Σ (y − b − Σ β_j z_j)² + alpha · Σ β_j²` with `z_j = (x_j − mean_j) / std_j`.
 *
 * @throws TrainerError `INSUFFICIENT_ROWS` (fewer than 2 rows), `INVALID_OPTIONS`, `INVALID_DATA`,
 * `SINGULAR_SYSTEM` (collinear features with `alpha = 0`, unless `onSingular: "pseudo-inverse"`).
 *
 * @example
 * ```ts
 * const X = Float64Array.from([1, 2, 3, 4]); // 4 rows × 1 column
 * const y = Float64Array.from([3, 5, 7, 9]); // y = 2x + 1
 * const m = fitRidge({ X, y, cols: 1 }, { start: 0, end: 4 }, { alpha: 0 });
 * predictRow(m, [10]); // ≈ 21
 * ```
 */
export function fitRidge(data: DesignData, range: RowRange, options: RidgeOptions): RidgeModel {
  checkRange(data, range);
  const alpha = options.alpha;
  if (typeof alpha !== "number" || !Number.isFinite(alpha) || alpha < 0) {
    throw new TrainerError("INVALID_OPTIONS", `alpha must be a finite number >= 0, got ${alpha}`, {
      path: "alpha",
    });
  }
  const k = data.cols;
  const featureColumns = options.featureColumns ?? Array.from({ length: k }, (_, j) => `x${j}`);
  if (featureColumns.length !== k) {
    throw new TrainerError(
      "INVALID_OPTIONS",
      `featureColumns has ${featureColumns.length} names for ${k} columns`,
      { path: "featureColumns" },
    );
  }
  const n = range.end - range.start;
  if (n < 2) {
    throw new TrainerError("INSUFFICIENT_ROWS", `a fit needs at least 2 rows, got ${n}`);
  }

  const ne = accumulateNormalEquations(data, range);
  const scales = new Array<number>(k);
  const active: number[] = [];
  for (let j = 0; j < k; j++) {
    if (ne.constant[j] === 1) {
      scales[j] = 1;
    } else {
      scales[j] = Math.sqrt(ne.xtx[j * k + j]! / n);
      active.push(j);
    }
  }
  const m = active.length;
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    const j = active[p]!;
    for (let q = 0; q < m; q++) {
      const l = active[q]!;
      a[p * m + q] = ne.xtx[j * k + l]! / (scales[j]! * scales[l]!);
    }
    a[p * m + p]! += alpha;
    b[p] = ne.xty[j]! / scales[j]!;
  }
  const names = active.map((j) => featureColumns[j]!);
  const { solution } = solveSymmetric(a, b, m, options.onSingular ?? "error", names);
  const coefficients = new Array<number>(k).fill(0);
  for (let p = 0; p < m; p++) coefficients[active[p]!] = solution[p]!;
  return {
    featureColumns: [...featureColumns],
    means: Array.from(ne.means),
    scales,
    coefficients,
    intercept: ne.yMean,
    alpha,
  };
}
