import { EvaluationError } from "./errors";
import { finiteSeries } from "./input";
import { notDefined, type Outcome } from "./result";

export interface CalibrationBucket {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean predicted probability in the bucket; null when empty. */
  readonly mean_probability: number | null;
  /** Observed share of hits in the bucket; null when empty. */
  readonly hit_rate: number | null;
}

export interface Calibration {
  readonly n: number;
  readonly buckets: readonly CalibrationBucket[];
  /** Expected calibration error Σ_b (n_b / n) |hit_rate_b − mean_probability_b|. */
  readonly ece: number;
  /** Brier score mean (p − o)², o = 1 for a hit. */
  readonly brier: number;
  /** Mean predicted probability and observed hit rate over all rows. */
  readonly mean_probability: number;
  readonly hit_rate: number;
}

export interface CalibrationOptions {
  /** Equal-width buckets over [min, max]; default 10. */
  readonly buckets?: number;
  /** Default 0; 0.5 for a direction confidence, which is never below one half. */
  readonly min?: number;
  readonly max?: number;
}

/**
 * Reliability table of predicted probabilities against outcomes (DeGroot & Fienberg 1983;
 * ECE as in Naeini et al. 2015): bucket b of B holds the p with
 * `min(floor((p − min) / (max − min) · B), B − 1) = b`. A calibrated forecast has
 * hit_rate ≈ mean_probability in every bucket. Not defined for no rows.
 */
export function calibrationBuckets(
  probabilities: ArrayLike<number>,
  outcomes: ArrayLike<boolean | number>,
  options: CalibrationOptions = {},
): Outcome<Calibration> {
  const count = options.buckets ?? 10;
  const min = options.min ?? 0;
  const max = options.max ?? 1;
  if (!Number.isInteger(count) || count < 1) {
    throw new EvaluationError("INVALID_OPTIONS", `buckets must be an integer >= 1, got ${count}`, {
      path: "buckets",
    });
  }
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw new EvaluationError("INVALID_OPTIONS", "min and max must be finite with min < max", {
      path: "min",
    });
  }
  const n = finiteSeries(probabilities, "probabilities");
  if (outcomes.length !== n) {
    throw new EvaluationError(
      "INVALID_INPUT",
      `outcomes has ${outcomes.length} values, expected ${n}`,
      {
        path: "outcomes",
      },
    );
  }
  if (n === 0) return notDefined("TOO_SHORT", "calibration needs at least 1 row", 0);
  const counts = new Float64Array(count);
  const sumP = new Float64Array(count);
  const sumHit = new Float64Array(count);
  let brier = 0;
  let totalP = 0;
  let totalHit = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (p < min || p > max) {
      throw new EvaluationError(
        "INVALID_INPUT",
        `probabilities[${i}] = ${p} is outside [${min}, ${max}]`,
        {
          path: "probabilities",
        },
      );
    }
    const o = outcomes[i] ? 1 : 0;
    const b = Math.min(Math.floor(((p - min) / (max - min)) * count), count - 1);
    counts[b] = counts[b]! + 1;
    sumP[b] = sumP[b]! + p;
    sumHit[b] = sumHit[b]! + o;
    brier += (p - o) ** 2;
    totalP += p;
    totalHit += o;
  }
  const buckets: CalibrationBucket[] = [];
  let ece = 0;
  for (let b = 0; b < count; b++) {
    const c = counts[b]!;
    const meanP = c > 0 ? sumP[b]! / c : null;
    const rate = c > 0 ? sumHit[b]! / c : null;
    if (meanP !== null && rate !== null) ece += (c / n) * Math.abs(rate - meanP);
    buckets.push({
      lower: min + ((max - min) * b) / count,
      upper: min + ((max - min) * (b + 1)) / count,
      count: c,
      mean_probability: meanP,
      hit_rate: rate,
    });
  }
  return {
    defined: true,
    n,
    buckets,
    ece,
    brier: brier / n,
    mean_probability: totalP / n,
    hit_rate: totalHit / n,
  };
}
