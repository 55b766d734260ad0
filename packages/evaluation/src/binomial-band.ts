import { EvaluationError } from "./errors";
import { level as checkLevel } from "./input";
import { binomialCdf } from "./special/distributions";

/** Acceptance band of a binomial count: `lower <= X <= upper` with probability >= `confidence`. */
export interface BinomialBand {
  readonly n: number;
  readonly p: number;
  readonly confidence: number;
  /** Smallest k with P(X <= k) >= (1 − confidence) / 2. */
  readonly lower: number;
  /** Smallest k with P(X <= k) >= 1 − (1 − confidence) / 2. */
  readonly upper: number;
  /** The same band as shares of n. */
  readonly lower_rate: number;
  readonly upper_rate: number;
}

/** Smallest k in [0, n] with P(X <= k) >= q (the binomial quantile function, scipy's binom.ppf). */
function binomialQuantile(q: number, n: number, p: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (binomialCdf(mid, n, p) >= q) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Central binomial band: where the number of hits of `n` independent trials with hit rate `p`
 * falls with probability `confidence` (scipy.stats.binom.interval). A coverage test passes
 * when the count of covered points lies inside it.
 *
 * @example
 * ```ts
 * binomialBand(500, 0.9, 0.99); // { lower: 433, upper: 466, ... }
 * ```
 */
export function binomialBand(n: number, p: number, confidence = 0.99): BinomialBand {
  if (!Number.isInteger(n) || n < 1) {
    throw new EvaluationError("INVALID_OPTIONS", `n must be an integer >= 1, got ${n}`, {
      path: "n",
    });
  }
  checkLevel(p, "p");
  checkLevel(confidence, "confidence");
  const tail = (1 - confidence) / 2;
  const lower = binomialQuantile(tail, n, p);
  const upper = binomialQuantile(1 - tail, n, p);
  return { n, p, confidence, lower, upper, lower_rate: lower / n, upper_rate: upper / n };
}
