import {
  type BinomialBand,
  binomialBand,
  type ChristoffersenIndependence,
  christoffersenIndependence,
  type EmpiricalCoverage,
  empiricalCoverage,
  intervalMisses,
  type KupiecPof,
  kupiecPof,
  type Outcome,
  splitConformalQuantile,
  type WinklerScore,
  winklerScore,
} from "@mle/evaluation";
import { SCALE_FEATURE, type OutOfSampleSet } from "./out-of-sample";

/** Level of the served prediction interval. */
export const INTERVAL_LEVEL = 0.9;

/**
 * How the served interval is made. Split-conformal: `prediction ± quantile · s`, s the value of
 * `scale_feature` at prediction time (1 when null). The fallback: `[prediction + lower_offset,
 * prediction + upper_offset]`.
 */
export type ServedInterval =
  | {
      readonly method: "split-conformal";
      readonly level: number;
      /** Where the calibration residuals come from: the walk-forward folds' test rows. */
      readonly calibration_set: "walk_forward_test";
      readonly calibration_size: number;
      /** Scores are |actual − predicted| / scale_feature (normalized conformal), or |actual − predicted| when null. */
      readonly scale_feature: typeof SCALE_FEATURE | null;
      /** The ⌈(n + 1)·level⌉-th smallest score is the quantile. */
      readonly rank: number;
      readonly quantile: number;
    }
  | {
      /** Too few calibration residuals for a conformal quantile: the validation residual quantiles. */
      readonly method: "validation-residual-quantiles";
      readonly level: number;
      readonly calibration_size: number;
      readonly reason: string;
      readonly lower_offset: number;
      readonly upper_offset: number;
    };

/**
 * Split-conformal interval from the walk-forward test residuals (never training residuals):
 * q = the ⌈(n + 1)·0.9⌉-th smallest score |actual − predicted| / s, s the row's rolling
 * volatility when the spec has it (normalized conformal, Lei et al. 2018 §5.2: the width follows
 * volatility regimes instead of averaging over them), else 1. Falls back to the validation
 * residual quantiles when there are too few scores or a scale is not positive.
 */
export function servedInterval(
  calibration: OutOfSampleSet,
  fallback: { readonly q05: number; readonly q95: number },
  scaleFeature: typeof SCALE_FEATURE | null,
  level = INTERVAL_LEVEL,
): ServedInterval {
  const n = calibration.actual.length;
  const scaled = scaleFeature !== null;
  const scores = new Float64Array(n);
  let positive = true;
  for (let i = 0; i < n; i++) {
    const s = calibration.scale[i]!;
    if (!(s > 0)) positive = false;
    scores[i] = Math.abs(calibration.actual[i]! - calibration.predicted[i]!) / s;
  }
  const q = positive ? splitConformalQuantile(scores, level) : null;
  if (q === null || !q.defined) {
    return {
      method: "validation-residual-quantiles",
      level,
      calibration_size: n,
      reason: q === null ? `a ${SCALE_FEATURE} value is not positive` : q.message,
      lower_offset: fallback.q05,
      upper_offset: fallback.q95,
    };
  }
  return {
    method: "split-conformal",
    level,
    calibration_set: "walk_forward_test",
    calibration_size: n,
    scale_feature: scaled ? SCALE_FEATURE : null,
    rank: q.rank,
    quantile: q.quantile,
  };
}

/**
 * Offsets added to a prediction: `±quantile · scale` for split-conformal (scale = the row's
 * `scale_feature` value, ignored when the interval is unscaled), the fixed offsets otherwise.
 * A non-positive or non-finite scale gives a zero-width interval at the prediction.
 */
export function intervalOffsets(interval: ServedInterval, scale: number): [number, number] {
  if (interval.method !== "split-conformal") return [interval.lower_offset, interval.upper_offset];
  const s = interval.scale_feature === null ? 1 : Number.isFinite(scale) && scale > 0 ? scale : 0;
  return [-interval.quantile * s, interval.quantile * s];
}

export interface IntervalStatistics {
  readonly level: number;
  readonly coverage: Outcome<EmpiricalCoverage>;
  /** Where the covered count falls with 99 % probability if coverage were exactly `level`. */
  readonly band_99: BinomialBand | null;
  readonly within_band: boolean | null;
  readonly kupiec: Outcome<KupiecPof>;
  readonly christoffersen: Outcome<ChristoffersenIndependence>;
  readonly winkler: Outcome<WinklerScore>;
}

/** Coverage tests of the served interval on one out-of-sample set. */
export function intervalStatistics(
  set: OutOfSampleSet,
  interval: ServedInterval,
): IntervalStatistics {
  const n = set.actual.length;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [lo, hi] = intervalOffsets(interval, set.scale[i]!);
    lower[i] = set.predicted[i]! + lo;
    upper[i] = set.predicted[i]! + hi;
  }
  const misses = intervalMisses(set.actual, lower, upper);
  const coverage = empiricalCoverage(set.actual, lower, upper);
  const band = n > 0 ? binomialBand(n, interval.level, 0.99) : null;
  return {
    level: interval.level,
    coverage,
    band_99: band,
    within_band:
      band && coverage.defined
        ? coverage.covered >= band.lower && coverage.covered <= band.upper
        : null,
    kupiec: kupiecPof(misses, interval.level),
    christoffersen: christoffersenIndependence(misses),
    winkler: winklerScore(set.actual, lower, upper, interval.level),
  };
}
