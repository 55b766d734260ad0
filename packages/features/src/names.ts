/** Every feature this package can compute. */
export type FeatureName =
  | "close"
  | "simple_return"
  | "log_return"
  | "moving_average"
  | "rolling_volatility"
  | "ema"
  | "rsi"
  | "zscore"
  | "true_range"
  | "atr"
  | "parkinson_volatility"
  | "garman_klass_volatility"
  | "rogers_satchell_volatility"
  | "yang_zhang_volatility"
  | "vwap"
  | "volume_zscore"
  | "high_low_range"
  | "close_location_value"
  | "macd"
  | "macd_signal"
  | "macd_histogram"
  | "rolling_min_distance"
  | "rolling_max_distance";

/** Every known feature name, in documentation order. */
export const FEATURE_NAMES: readonly FeatureName[] = Object.freeze([
  "close",
  "simple_return",
  "log_return",
  "moving_average",
  "rolling_volatility",
  "ema",
  "rsi",
  "zscore",
  "true_range",
  "atr",
  "parkinson_volatility",
  "garman_klass_volatility",
  "rogers_satchell_volatility",
  "yang_zhang_volatility",
  "vwap",
  "volume_zscore",
  "high_low_range",
  "close_location_value",
  "macd",
  "macd_signal",
  "macd_histogram",
  "rolling_min_distance",
  "rolling_max_distance",
] as const);

/** The four default columns, in the order the API returns them. */
export const DEFAULT_FEATURES = Object.freeze([
  "close",
  "simple_return",
  "moving_average",
  "rolling_volatility",
] as const);

const known: ReadonlySet<string> = new Set(FEATURE_NAMES);

/**
 * Narrows a string to a {@link FeatureName}.
 *
 * @example
 * ```ts
 * isFeatureName("rsi"); // true
 * isFeatureName("macd"); // false
 * ```
 */
export function isFeatureName(x: string): x is FeatureName {
  return known.has(x);
}
