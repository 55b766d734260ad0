import {
  type ClarkWest,
  clarkWest,
  type DieboldMariano,
  dieboldMariano,
  type Forecast,
  type OutOfSampleR2,
  type Outcome,
  outOfSampleR2,
  type PesaranTimmermann,
  pesaranTimmermann,
} from "@mle/evaluation";
import type { OutOfSampleSet } from "./out-of-sample";

/** The model against one naive baseline. */
export interface BaselineComparison {
  readonly oos_r2: Outcome<OutOfSampleR2>;
  readonly diebold_mariano_squared: Outcome<DieboldMariano>;
  readonly diebold_mariano_absolute: Outcome<DieboldMariano>;
  /** The model nests the baseline (all coefficients 0 gives the zero or the mean forecast). */
  readonly clark_west: Outcome<ClarkWest>;
}

export interface ForecastStatistics {
  readonly n: number;
  /** Against always predicting a return of 0. */
  readonly zero: BaselineComparison;
  /** Against the prevailing mean: the mean target of the predicting model's training rows. */
  readonly prevailing_mean: BaselineComparison;
  readonly direction: { readonly pesaran_timmermann: Outcome<PesaranTimmermann> };
}

function compare(set: OutOfSampleSet, baseline: Forecast): BaselineComparison {
  const { actual, predicted } = set;
  return {
    oos_r2: outOfSampleR2(actual, predicted, baseline),
    diebold_mariano_squared: dieboldMariano(actual, predicted, baseline, { loss: "squared" }),
    diebold_mariano_absolute: dieboldMariano(actual, predicted, baseline, { loss: "absolute" }),
    clark_west: clarkWest(actual, predicted, baseline),
  };
}

/** Every forecast-comparison statistic of one out-of-sample set against both baselines. */
export function forecastStatistics(set: OutOfSampleSet): ForecastStatistics {
  return {
    n: set.actual.length,
    zero: compare(set, 0),
    prevailing_mean: compare(set, set.baselineMean),
    direction: { pesaran_timmermann: pesaranTimmermann(set.actual, set.predicted) },
  };
}
