import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from "ml-matrix";
import { TrainerError } from "../../errors";

/**
 * Smallest accepted reciprocal condition number (λmin / λmax) of the penalized, standardized
 * normal matrix. Below it Cholesky would still return numbers, but with fewer than ~6
 * trustworthy digits, so the system is treated as singular.
 */
export const MIN_RECIPROCAL_CONDITION = 1e-10;

/** What to do with a singular or ill-conditioned system. */
export type SingularPolicy = "error" | "pseudo-inverse";

export interface SolveResult {
  readonly solution: Float64Array;
  /** `cholesky` normally; `pseudo-inverse` when the fallback was used. */
  readonly method: "cholesky" | "pseudo-inverse";
  readonly reciprocalCondition: number;
}

/**
 * Solves the symmetric positive semi-definite system `A x = b` (k×k, row-major `a`).
 * The condition is checked with a symmetric eigen-decomposition (cheap at k×k); a well-conditioned
 * system is solved by Cholesky. Otherwise either throws `SINGULAR_SYSTEM` or, with
 * `policy = "pseudo-inverse"`, returns the minimum-norm solution that ignores eigen-directions
 * with λ < MIN_RECIPROCAL_CONDITION·λmax.
 */
export function solveSymmetric(
  a: Float64Array,
  b: Float64Array,
  k: number,
  policy: SingularPolicy,
  names: readonly string[],
): SolveResult {
  if (k === 0) return { solution: new Float64Array(0), method: "cholesky", reciprocalCondition: 1 };
  const A = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) A.set(i, j, a[i * k + j]!);
  const evd = new EigenvalueDecomposition(A, { assumeSymmetric: true });
  const lambdas = evd.realEigenvalues;
  let lMin = Number.POSITIVE_INFINITY;
  let lMax = 0;
  for (const l of lambdas) {
    if (l < lMin) lMin = l;
    if (l > lMax) lMax = l;
  }
  const rcond = lMax > 0 ? Math.max(0, lMin) / lMax : 0;
  if (rcond >= MIN_RECIPROCAL_CONDITION) {
    const chol = new CholeskyDecomposition(A);
    if (chol.isPositiveDefinite()) {
      const x = chol.solve(Matrix.columnVector(Array.from(b)));
      const solution = Float64Array.from(x.getColumn(0));
      if (solution.every(Number.isFinite)) {
        return { solution, method: "cholesky", reciprocalCondition: rcond };
      }
    }
  }
  if (policy === "error") {
    throw new TrainerError(
      "SINGULAR_SYSTEM",
      `the normal equations are singular or ill-conditioned (reciprocal condition ${rcond.toExponential(2)} < ${MIN_RECIPROCAL_CONDITION}): features [${names.join(", ")}] are (nearly) collinear; use alpha > 0 or drop a redundant feature`,
    );
  }
  return {
    solution: pseudoInverseSolve(evd, b, k, lMax),
    method: "pseudo-inverse",
    reciprocalCondition: rcond,
  };
}

function pseudoInverseSolve(
  evd: EigenvalueDecomposition,
  b: Float64Array,
  k: number,
  lMax: number,
): Float64Array {
  const V = evd.eigenvectorMatrix;
  const lambdas = evd.realEigenvalues;
  const tol = MIN_RECIPROCAL_CONDITION * lMax;
  const x = new Float64Array(k);
  for (let e = 0; e < k; e++) {
    const l = lambdas[e]!;
    if (!(l > tol)) continue;
    let proj = 0;
    for (let i = 0; i < k; i++) proj += V.get(i, e) * b[i]!;
    const w = proj / l;
    for (let i = 0; i < k; i++) x[i]! += w * V.get(i, e);
  }
  return x;
}
