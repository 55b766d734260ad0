import { EvaluationError } from "./errors";
import { alignedSeries, level as checkLevel, finiteSeries } from "./input";
import { notDefined, type Outcome } from "./result";

function checkedBounds(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  const n = finiteSeries(actual, "actual");
  alignedSeries(lower, n, "lower");
  alignedSeries(upper, n, "upper");
  for (let i = 0; i < n; i++) {
    if (lower[i]! > upper[i]!) {
      throw new EvaluationError("INVALID_INPUT", `lower[${i}] is above upper[${i}]`, {
        path: "lower",
      });
    }
  }
  return n;
}

/** `1` where the outcome lies outside [lower, upper] (a miss), else `0`. */
export function intervalMisses(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): Uint8Array {
  const n = checkedBounds(actual, lower, upper);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = actual[i]! < lower[i]! || actual[i]! > upper[i]! ? 1 : 0;
  return out;
}

export interface EmpiricalCoverage {
  readonly n: number;
  readonly covered: number;
  /** Share of outcomes inside their closed interval [lower, upper]. */
  readonly coverage: number;
}

/** Empirical coverage: the share of outcomes inside their interval. Not defined for no rows. */
export function empiricalCoverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): Outcome<EmpiricalCoverage> {
  const misses = intervalMisses(actual, lower, upper);
  const n = misses.length;
  if (n === 0) return notDefined("TOO_SHORT", "coverage needs at least 1 row", 0);
  let covered = 0;
  for (let i = 0; i < n; i++) if (misses[i] === 0) covered++;
  return { defined: true, n, covered, coverage: covered / n };
}

export interface WinklerScore {
  readonly n: number;
  readonly level: number;
  /** Mean interval score; lower is better (narrow intervals that still cover). */
  readonly mean_score: number;
  readonly mean_width: number;
}

/**
 * Mean Winkler (1972) interval score of central (1 − α) intervals, α = 1 − level
 * (Gneiting & Raftery 2007, eq. 43): `S_t = (u − l) + (2/α)(l − y)·[y < l] + (2/α)(y − u)·[y > u]`.
 * Not defined for no rows.
 */
export function winklerScore(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  level: number,
): Outcome<WinklerScore> {
  const alpha = 1 - checkLevel(level);
  const n = checkedBounds(actual, lower, upper);
  if (n === 0) return notDefined("TOO_SHORT", "the interval score needs at least 1 row", 0);
  let score = 0;
  let width = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    const l = lower[i]!;
    const u = upper[i]!;
    width += u - l;
    let s = u - l;
    if (y < l) s += (2 / alpha) * (l - y);
    else if (y > u) s += (2 / alpha) * (y - u);
    score += s;
  }
  return { defined: true, n, level, mean_score: score / n, mean_width: width / n };
}
