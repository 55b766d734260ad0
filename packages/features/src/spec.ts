import { FeatureError } from "./errors";
import { DEFAULT_FEATURES, type FeatureName, isFeatureName } from "./names";
import { FEATURE_DEFINITIONS } from "./feature-definitions";

/** Smallest window: a sample standard deviation needs two values. */
export const MIN_LOOKBACK = 2;
/** Largest window accepted. */
export const MAX_LOOKBACK = 10_000;

/** What to compute: window length and feature columns, in output order. */
export interface FeatureSpec {
  readonly lookback: number;
  readonly features: readonly FeatureName[];
}

/** Input accepted by {@link validateFeatureSpec}: `features` defaults to `DEFAULT_FEATURES`. */
export interface FeatureSpecInput {
  readonly lookback: number;
  readonly features?: readonly string[];
}

/**
 * Checks a spec and returns a frozen copy. Throws `FeatureError` with code `INVALID_LOOKBACK`
 * (not an integer in [2, 10000]), `UNKNOWN_FEATURE` (a name not in `FEATURE_NAMES`) or
 * `INVALID_SPEC` (not an object; empty or duplicated feature list).
 *
 * @example
 * ```ts
 * const spec = validateFeatureSpec({ lookback: 20 }); // features = DEFAULT_FEATURES
 * validateFeatureSpec({ lookback: 1 }); // throws FeatureError INVALID_LOOKBACK
 * ```
 */
export function validateFeatureSpec(spec: FeatureSpecInput | FeatureSpec): FeatureSpec {
  if (typeof spec !== "object" || spec === null) {
    throw new FeatureError("INVALID_SPEC", "Feature spec must be an object { lookback, features }");
  }
  const lookback: unknown = spec.lookback;
  if (
    typeof lookback !== "number" ||
    !Number.isInteger(lookback) ||
    lookback < MIN_LOOKBACK ||
    lookback > MAX_LOOKBACK
  ) {
    throw new FeatureError(
      "INVALID_LOOKBACK",
      `lookback must be an integer from ${MIN_LOOKBACK} to ${MAX_LOOKBACK}, got ${String(lookback)}`,
      { field: "lookback" },
    );
  }
  const raw: unknown = spec.features ?? DEFAULT_FEATURES;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new FeatureError("INVALID_SPEC", "features must be a non-empty array of feature names", {
      field: "features",
    });
  }
  const seen = new Set<string>();
  raw.forEach((name: unknown, index) => {
    if (typeof name !== "string" || !isFeatureName(name)) {
      throw new FeatureError(
        "UNKNOWN_FEATURE",
        `Unknown feature ${JSON.stringify(name)} at features[${index}]; known: ${Object.keys(FEATURE_DEFINITIONS).join(", ")}`,
        { field: "features", index },
      );
    }
    if (seen.has(name)) {
      throw new FeatureError("INVALID_SPEC", `Feature "${name}" is listed twice`, {
        field: "features",
        index,
      });
    }
    seen.add(name);
  });
  return Object.freeze({ lookback, features: Object.freeze([...(raw as FeatureName[])]) });
}

/**
 * Input index of the first row where every feature of the spec is defined; it is also the
 * `offset` of a `FeatureTable`. With `DEFAULT_FEATURES` it equals `lookback`.
 *
 * @example
 * ```ts
 * warmupLength({ lookback: 20, features: ["close", "moving_average"] }); // 19
 * ```
 */
export function warmupLength(spec: FeatureSpecInput | FeatureSpec): number {
  const { lookback, features } = validateFeatureSpec(spec);
  let first = 0;
  for (const name of features) {
    const f = FEATURE_DEFINITIONS[name].firstIndex(lookback);
    if (f > first) first = f;
  }
  return first;
}
