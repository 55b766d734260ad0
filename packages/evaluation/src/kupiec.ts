import { level as checkLevel, xlogy } from "./input";
import { notDefined, type Outcome } from "./result";
import { chiSquareSf } from "./special/distributions";

/** A sequence of interval misses: `true` / 1 where the outcome fell outside the interval. */
export type MissSequence = ArrayLike<boolean | number>;

export interface KupiecPof {
  readonly n: number;
  readonly misses: number;
  /** 1 − level: the miss rate a correct interval has. */
  readonly expected_rate: number;
  readonly observed_rate: number;
  /** Likelihood ratio, chi-square with 1 degree of freedom under a correct miss rate. */
  readonly statistic: number;
  readonly p_value: number;
}

/**
 * Kupiec (1995) proportion-of-failures test: is the interval's miss rate the nominal 1 − level?
 * With x misses of n and p = 1 − level,
 * `LR = −2 [(n − x) ln(1 − p) + x ln p − (n − x) ln(1 − x/n) − x ln(x/n)]` (0 ln 0 = 0),
 * p-value from chi-square(1). Not defined for an empty sequence.
 *
 * @example
 * ```ts
 * kupiecPof(misses, 0.9); // misses of a 90 % interval
 * ```
 */
export function kupiecPof(misses: MissSequence, level: number): Outcome<KupiecPof> {
  const p = 1 - checkLevel(level);
  const n = misses.length;
  if (n === 0) return notDefined("TOO_SHORT", "Kupiec's test needs at least 1 observation", 0);
  let x = 0;
  for (let i = 0; i < n; i++) if (misses[i]) x++;
  const rate = x / n;
  const lr = -2 * (xlogy(n - x, 1 - p) + xlogy(x, p) - xlogy(n - x, 1 - rate) - xlogy(x, rate));
  const statistic = Math.max(0, lr);
  return {
    defined: true,
    n,
    misses: x,
    expected_rate: p,
    observed_rate: rate,
    statistic,
    p_value: chiSquareSf(statistic, 1),
  };
}
