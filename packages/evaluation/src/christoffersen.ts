import type { MissSequence } from "./kupiec";
import { xlogy } from "./input";
import { notDefined, type Outcome } from "./result";
import { chiSquareSf } from "./special/distributions";

export interface ChristoffersenIndependence {
  readonly n: number;
  /** Transition counts n_ij: a state i (0 = covered, 1 = miss) followed by state j. */
  readonly transitions: {
    readonly n00: number;
    readonly n01: number;
    readonly n10: number;
    readonly n11: number;
  };
  /** Likelihood ratio, chi-square with 1 degree of freedom when misses are independent. */
  readonly statistic: number;
  readonly p_value: number;
}

/**
 * Christoffersen (1998) independence test: do misses cluster (a miss makes the next one more
 * likely) as they do when an interval ignores volatility regimes? With the first-order
 * transition counts n_ij, π01 = n01/(n00 + n01), π11 = n11/(n10 + n11),
 * π = (n01 + n11)/(n − 1):
 * `LR = −2 [(n00 + n10) ln(1 − π) + (n01 + n11) ln π − n00 ln(1 − π01) − n01 ln π01 − n10 ln(1 − π11) − n11 ln π11]`
 * (0 ln 0 = 0), p-value from chi-square(1).
 *
 * Not defined for fewer than 2 observations or when the sequence is constant (no misses or
 * only misses: nothing to cluster).
 */
export function christoffersenIndependence(
  misses: MissSequence,
): Outcome<ChristoffersenIndependence> {
  const n = misses.length;
  if (n < 2)
    return notDefined("TOO_SHORT", "the independence test needs at least 2 observations", n);
  let n00 = 0;
  let n01 = 0;
  let n10 = 0;
  let n11 = 0;
  let any = false;
  let all = true;
  for (let i = 0; i < n; i++) {
    const cur = Boolean(misses[i]);
    any ||= cur;
    all &&= cur;
    if (i === 0) continue;
    const prev = Boolean(misses[i - 1]);
    if (prev) cur ? n11++ : n10++;
    else cur ? n01++ : n00++;
  }
  if (!any || all) {
    return notDefined(
      "CONSTANT_SEQUENCE",
      any ? "every observation is a miss" : "no observation is a miss, so misses cannot cluster",
      n,
    );
  }
  const pi01 = n00 + n01 > 0 ? n01 / (n00 + n01) : 0;
  const pi11 = n10 + n11 > 0 ? n11 / (n10 + n11) : 0;
  const pi = (n01 + n11) / (n - 1);
  const restricted = xlogy(n00 + n10, 1 - pi) + xlogy(n01 + n11, pi);
  const unrestricted =
    xlogy(n00, 1 - pi01) + xlogy(n01, pi01) + xlogy(n10, 1 - pi11) + xlogy(n11, pi11);
  const statistic = Math.max(0, -2 * (restricted - unrestricted));
  return {
    defined: true,
    n,
    transitions: { n00, n01, n10, n11 },
    statistic,
    p_value: chiSquareSf(statistic, 1),
  };
}
