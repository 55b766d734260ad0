import { longRunVariance, neweyWestLag } from "./hac";
import { alignedSeries, type Forecast, finiteSeries, forecastAt } from "./input";
import { notDefined, type Outcome } from "./result";
import { normalSf } from "./special/distributions";

export interface ClarkWest {
  readonly n: number;
  /** Mean of the adjusted loss difference f_t; > 0 favours the larger model. */
  readonly mean_adjusted_difference: number;
  /** `sqrt(n) f̄ / sqrt(S)`, S the Newey–West long-run variance of f_t. */
  readonly statistic: number;
  /** One-sided p-value (standard normal) for "the larger model forecasts better". */
  readonly p_value: number;
  /** Bartlett lag L used for S. */
  readonly lag: number;
}

/**
 * Clark & West (2007) test for nested models: does the larger model (`predicted`) beat the
 * smaller model it nests (`baseline`, e.g. the zero forecast)?
 * `f_t = (y_t − b_t)² − [(y_t − ŷ_t)² − (b_t − ŷ_t)²]`, `CW = sqrt(n) f̄ / sqrt(S)`, S the
 * Newey–West (Bartlett) long-run variance of f_t, one-sided standard-normal p-value. The
 * `(b_t − ŷ_t)²` term removes the noise the larger model pays for estimating parameters that
 * are zero under the null, which DM against a nested baseline does not.
 *
 * `lag` defaults to {@link neweyWestLag}(n). Not defined for fewer than 2 rows or when f_t has
 * zero long-run variance.
 */
export function clarkWest(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  baseline: Forecast,
  options: { readonly lag?: number } = {},
): Outcome<ClarkWest> {
  const n = finiteSeries(actual, "actual");
  alignedSeries(predicted, n, "predicted");
  const base = forecastAt(baseline, n, "baseline");
  const lag = options.lag ?? neweyWestLag(n);
  if (n < 2) return notDefined("TOO_SHORT", "Clark–West needs at least 2 rows", n);
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    const b = base(i);
    const p = predicted[i]!;
    f[i] = (y - b) ** 2 - ((y - p) ** 2 - (b - p) ** 2);
  }
  const { mean, variance } = longRunVariance(f, lag);
  if (!(variance > 0)) {
    return notDefined("ZERO_VARIANCE", "the adjusted loss difference has zero variance", n);
  }
  const statistic = (Math.sqrt(n) * mean) / Math.sqrt(variance);
  return {
    defined: true,
    n,
    mean_adjusted_difference: mean,
    statistic,
    p_value: normalSf(statistic),
    lag,
  };
}
