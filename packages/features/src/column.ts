import type { FeatureDefinition } from "./definition";
import { FeatureError } from "./errors";
import { FEATURE_NAMES, type FeatureName, isFeatureName } from "./names";
import type { Params } from "./params";
import { FEATURE_DEFINITIONS } from "./feature-definitions";

/** One output column of a validated spec. */
export interface FeatureColumn {
  /**
   * The column's stable name: the feature and its parameters (`moving_average_50`,
   * `macd_12_26_9`), or the bare feature name when the spec wrote it bare (`moving_average`, v1).
   */
  readonly name: string;
  readonly feature: FeatureName;
  /** Every parameter of the feature, defaults filled in. */
  readonly params: Params;
}

/** A column written as an object: `{ feature: "moving_average", window: 50 }`. */
export interface ColumnInput {
  readonly feature: string;
  readonly [param: string]: unknown;
}

/** The parameterised name of a column: `moving_average_50`, `macd_12_26_9`, `close`. */
export function columnName(feature: FeatureName, params: Params): string {
  const def = FEATURE_DEFINITIONS[feature];
  return [feature, ...def.params.map((p) => String(params[p.name]))].join("_");
}

// Longest names first, so `simple_return_5` is read as simple_return, never as a shorter name.
const BY_LENGTH = [...FEATURE_NAMES].sort((a, b) => b.length - a.length);
const PARAM_VALUES = /^_(\d+(?:_\d+)*)$/;

/**
 * Reads one entry of `features`: a bare name (parameters from `lookback` or their defaults), a
 * parameterised name (`moving_average_50`) or an object. `index` is its position, for errors.
 */
export function parseColumn(
  entry: unknown,
  lookback: number | undefined,
  index: number,
): FeatureColumn {
  if (typeof entry === "string") return parseName(entry, lookback, index);
  if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
    return parseObject(entry as Record<string, unknown>, lookback, index);
  }
  throw new FeatureError(
    "INVALID_SPEC",
    `features[${index}] must be a column name or { feature, ...parameters }, got ${JSON.stringify(entry) ?? String(entry)}`,
    { field: "features", index },
  );
}

function parseName(name: string, lookback: number | undefined, index: number): FeatureColumn {
  if (isFeatureName(name)) {
    const def = FEATURE_DEFINITIONS[name];
    const params = fill(def, {}, lookback, index, true);
    return { name, feature: name, params };
  }
  for (const feature of BY_LENGTH) {
    if (!name.startsWith(feature)) continue;
    const m = PARAM_VALUES.exec(name.slice(feature.length));
    if (!m) continue;
    const def = FEATURE_DEFINITIONS[feature];
    const values = m[1]!.split("_").map(Number);
    if (values.length !== def.params.length) {
      throw new FeatureError(
        "INVALID_PARAMETER",
        `features[${index}] "${name}": ${feature} takes ${describeParams(def)}, got ${values.length} value(s)`,
        { field: "features", index },
      );
    }
    const given: Record<string, unknown> = {};
    def.params.forEach((p, i) => {
      given[p.name] = values[i];
    });
    return { name, feature, params: fill(def, given, lookback, index, false) };
  }
  throw unknown(name, index);
}

function parseObject(
  entry: Record<string, unknown>,
  lookback: number | undefined,
  index: number,
): FeatureColumn {
  const feature = entry.feature;
  if (typeof feature !== "string" || !isFeatureName(feature)) throw unknown(feature, index);
  const def = FEATURE_DEFINITIONS[feature];
  for (const key of Object.keys(entry)) {
    if (key !== "feature" && !def.params.some((p) => p.name === key)) {
      throw new FeatureError(
        "INVALID_PARAMETER",
        `features[${index}]: ${feature} has no parameter "${key}" (it takes ${describeParams(def)})`,
        { field: `features[${index}].${key}`, index },
      );
    }
  }
  const params = fill(def, entry, lookback, index, false);
  return { name: columnName(feature, params), feature, params };
}

/** Every parameter of `def`: given, else its default; each checked against its range. */
function fill(
  def: FeatureDefinition,
  given: Record<string, unknown>,
  lookback: number | undefined,
  index: number,
  bare: boolean,
): Params {
  const params: Record<string, number> = {};
  for (const p of def.params) {
    let value = given[p.name];
    if (value === undefined) {
      if (p.default !== "lookback") value = p.default;
      else if (lookback === undefined) {
        throw new FeatureError(
          "INVALID_LOOKBACK",
          `features[${index}]: ${def.name} needs its ${p.name}: give the spec a lookback, or write ${bare ? `${def.name}_20` : `{ feature: "${def.name}", ${p.name}: 20 }`}`,
          { field: "lookback", index },
        );
      } else value = lookback;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < p.min || value > p.max) {
      throw new FeatureError(
        "INVALID_PARAMETER",
        `features[${index}]: ${def.name} ${p.name} must be an integer from ${p.min} to ${p.max}, got ${String(value)}`,
        { field: `features[${index}].${p.name}`, index },
      );
    }
    params[p.name] = value;
  }
  const problem = def.checkParams?.(params);
  if (problem !== undefined) {
    throw new FeatureError("INVALID_PARAMETER", `features[${index}]: ${def.name} ${problem}`, {
      field: `features[${index}]`,
      index,
    });
  }
  return Object.freeze(params);
}

function describeParams(def: FeatureDefinition): string {
  if (def.params.length === 0) return "no parameters";
  return `(${def.params.map((p) => p.name).join(", ")})`;
}

function unknown(name: unknown, index: number): FeatureError {
  return new FeatureError(
    "UNKNOWN_FEATURE",
    `Unknown feature ${JSON.stringify(name) ?? String(name)} at features[${index}]; known: ${FEATURE_NAMES.join(", ")} (a parameterised name is feature_value..., e.g. moving_average_50)`,
    { field: "features", index },
  );
}
