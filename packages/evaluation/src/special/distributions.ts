import { EvaluationError } from "../errors";
import { incompleteBetaPair } from "./beta";
import { regularizedGammaQ } from "./gamma";

function positive(value: number, path: string): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new EvaluationError(
      "INVALID_OPTIONS",
      `${path} must be a finite number > 0, got ${value}`,
      {
        path,
      },
    );
  }
  return value;
}

/**
 * Upper tail of the standard normal, P(Z > z) = Q(1/2, z² / 2) / 2 for z >= 0. Computed as
 * its own tail (not 1 − Φ) so tiny p-values keep their digits.
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) throw new EvaluationError("INVALID_INPUT", "z is NaN", { path: "z" });
  const half = 0.5 * regularizedGammaQ(0.5, 0.5 * z * z);
  return z >= 0 ? half : 1 - half;
}

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/**
 * Upper tail of Student's t with `df` degrees of freedom:
 * P(T > t) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2 for t >= 0.
 *
 * @example
 * ```ts
 * studentTSf(2.0, 10); // 0.03669401738537...
 * ```
 */
export function studentTSf(t: number, df: number): number {
  positive(df, "df");
  if (Number.isNaN(t)) throw new EvaluationError("INVALID_INPUT", "t is NaN", { path: "t" });
  const t2 = t * t;
  const tail =
    t2 === Number.POSITIVE_INFINITY
      ? 0
      : 0.5 * incompleteBetaPair(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** Student's t CDF P(T <= t). */
export function studentTCdf(t: number, df: number): number {
  return studentTSf(-t, df);
}

/** Upper tail of the chi-square distribution with `df` degrees of freedom, Q(ν/2, x/2). */
export function chiSquareSf(x: number, df: number): number {
  positive(df, "df");
  if (Number.isNaN(x)) throw new EvaluationError("INVALID_INPUT", "x is NaN", { path: "x" });
  return regularizedGammaQ(df / 2, x / 2);
}

/** Binomial CDF P(X <= k) for X ~ Bin(n, p): I_{1−p}(n − k, k + 1). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  const j = Math.floor(k);
  return incompleteBetaPair(1 - p, p, n - j, j + 1);
}
