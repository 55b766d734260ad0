import { type FeatureSpec, type FeatureSpecInput, warmupLength } from "@mle/features";

/** How many time steps walk-forward folds leave out between train and test, and why. */
export interface Embargo {
  /** Candles of history the spec's features read before their own bar (the largest any selected feature needs). */
  readonly history: number;
  /** Bars a label reaches ahead: the target at t is close[t + 1] / close[t] − 1. */
  readonly label_horizon: number;
  /** Time steps removed between each fold's last train row and first test row. */
  readonly gap: number;
  /** `auto` when derived from the spec, `option` when the caller chose `gap`. */
  readonly source: "auto" | "option";
}

/**
 * The default purge + embargo of a spec: `gap = history + label_horizon`. With it no train row
 * shares a candle with any test row of its fold: a train row at s reads candles s − history ..
 * s + 1 (features and label), a test row at t reads t − history .. t + 1, and t − s > history + 1.
 *
 * @example
 * ```ts
 * embargoFor({ lookback: 20, features: ["close", "rolling_volatility"] }); // { history: 20, label_horizon: 1, gap: 21, source: "auto" }
 * ```
 */
export function embargoFor(spec: FeatureSpec | FeatureSpecInput): Embargo {
  const history = warmupLength(spec);
  return { history, label_horizon: 1, gap: history + 1, source: "auto" };
}

/** The embargo a caller's `gap` gives (recorded next to the spec's own needs). */
export function embargoWithGap(spec: FeatureSpec | FeatureSpecInput, gap: number): Embargo {
  return { ...embargoFor(spec), gap, source: "option" };
}
