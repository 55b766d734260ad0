/** Every feature this package can compute. */
export type FeatureName =
  | "close"
  | "simple_return"
  | "log_return"
  | "moving_average"
  | "rolling_volatility"
  | "ema"
  | "rsi"
  | "zscore";

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
