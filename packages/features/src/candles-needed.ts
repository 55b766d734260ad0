import { FeatureError } from "./errors";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import { type FeatureSpec, type FeatureSpecInput, validateFeatureSpec, warmupLength } from "./spec";

/** Options of {@link candlesNeeded}. */
export interface CandlesNeededOptions {
  /**
   * Candles of history to add ahead of the recursive columns instead of the warm-up their
   * definitions declare (an integer >= 0): less for speed, more for accuracy.
   */
  readonly history?: number;
}

/**
 * The one place that knows how many candles a spec needs: `rows` rows (integer >= 1) whose every
 * value equals the whole-series value — exactly for windowed columns, within each recursive
 * column's declared tolerance. That is `warmupLength(spec) + rows` plus the longest declared
 * warm-up of a recursive column (`history` replaces that warm-up). Infinity when a column needs
 * all history.
 *
 * @example
 * ```ts
 * candlesNeeded({ lookback: 20 }, 100); // 120: the default columns need no convergence warm-up
 * candlesNeeded({ lookback: 14, features: ["rsi"] }, 1); // 14 + 1 + 280
 * ```
 */
export function candlesNeeded(
  spec: FeatureSpecInput | FeatureSpec,
  rows: number,
  options: CandlesNeededOptions = {},
): number {
  const valid = validateFeatureSpec(spec);
  if (!Number.isSafeInteger(rows) || rows < 1) {
    throw new FeatureError(
      "INVALID_ARGUMENT",
      `rows must be a positive integer, got ${String(rows)}`,
      {
        field: "rows",
      },
    );
  }
  const { history } = options;
  if (history !== undefined && (!Number.isSafeInteger(history) || history < 0)) {
    throw new FeatureError(
      "INVALID_ARGUMENT",
      `history must be an integer >= 0, got ${String(history)}`,
      { field: "history" },
    );
  }
  return warmupLength(valid) + rows + convergenceWarmup(valid, history);
}

/** The longest declared warm-up of the spec's recursive columns (0 when it has none). */
export function convergenceWarmup(spec: FeatureSpec, override?: number): number {
  let tail = 0;
  for (const { feature, params } of spec.columns) {
    const need = FEATURE_DEFINITIONS[feature].history(params);
    if (need.kind === "window") continue;
    if (override !== undefined) return override;
    if (need.kind === "all") return Number.POSITIVE_INFINITY;
    if (need.warmup > tail) tail = need.warmup;
  }
  return tail;
}
