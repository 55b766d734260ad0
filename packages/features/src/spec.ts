import { type ColumnInput, type FeatureColumn, parseColumn } from "./column";
import { FeatureError } from "./errors";
import { DEFAULT_FEATURES } from "./names";
import { MAX_WINDOW } from "./params";
import { FEATURE_DEFINITIONS } from "./feature-definitions";

/** Smallest lookback: a sample standard deviation needs two values. */
export const MIN_LOOKBACK = 2;
/** Largest lookback accepted (also the largest window parameter). */
export const MAX_LOOKBACK = MAX_WINDOW;

declare const validated: unique symbol;

/**
 * A spec that {@link validateFeatureSpec} produced: frozen, every column resolved to its feature
 * and parameters. The brand makes "validated once at the edge" a type: code holding a
 * `FeatureSpec` never re-checks it, and a plain object literal is not one.
 */
export interface FeatureSpec<C extends string = string> {
  readonly [validated]: true;
  /** The v1 window, when the spec gave one (bare windowed names take it). */
  readonly lookback: number | undefined;
  /** Column names in output order (`moving_average`, `moving_average_50`, `macd_12_26_9`). */
  readonly features: readonly C[];
  /** The same columns, resolved. */
  readonly columns: readonly FeatureColumn[];
}

/** One entry of a spec: a column name or `{ feature, ...parameters }`. */
export type ColumnEntry = string | ColumnInput;

/**
 * What {@link validateFeatureSpec} accepts. The v1 form `{ lookback, features? }` (features default
 * to `DEFAULT_FEATURES`, every bare windowed name takes `lookback`) keeps its meaning; columns may
 * also be parameterised names or objects, and `lookback` is then optional. A bare array is the
 * list of columns.
 */
export type FeatureSpecInput =
  | { readonly lookback?: number | undefined; readonly features?: readonly ColumnEntry[] }
  | readonly ColumnEntry[];

/**
 * The column names a spec literal yields, for typed access to `table.values.moving_average`:
 * the literal names of `features`, the default four when `features` is left out, else `string`.
 */
export type ColumnsOf<S> =
  S extends FeatureSpec<infer C>
    ? C
    : S extends readonly (infer E)[]
      ? NameOf<E>
      : S extends { readonly features: readonly (infer E)[] }
        ? NameOf<E>
        : S extends { readonly lookback: number }
          ? (typeof DEFAULT_FEATURES)[number]
          : string;
type NameOf<E> = E extends string ? E : string;

const specs = new WeakSet<object>();

/** True for a spec returned by {@link validateFeatureSpec} (of this loaded copy). */
export function isValidatedSpec(spec: unknown): spec is FeatureSpec {
  return typeof spec === "object" && spec !== null && specs.has(spec);
}

/**
 * Checks a spec and returns a frozen, branded copy (a spec that already is one is returned as
 * is). Throws `FeatureError` with code `INVALID_LOOKBACK` (not an integer in [2, 10000], or
 * missing where a bare windowed name needs it), `UNKNOWN_FEATURE`, `INVALID_PARAMETER` (a
 * parameter out of range, unknown, or of the wrong count) or `INVALID_SPEC` (not an object; empty
 * list; two columns with one name).
 *
 * @example
 * ```ts
 * validateFeatureSpec({ lookback: 20 }).features; // ["close", "simple_return", "moving_average", "rolling_volatility"]
 * validateFeatureSpec([{ feature: "moving_average", window: 50 }, "macd_12_26_9"]).features; // ["moving_average_50", "macd_12_26_9"]
 * validateFeatureSpec({ lookback: 1 }); // throws FeatureError INVALID_LOOKBACK
 * ```
 */
export function validateFeatureSpec<const S extends FeatureSpecInput | FeatureSpec>(
  spec: S,
): FeatureSpec<ColumnsOf<S>>;
export function validateFeatureSpec(spec: FeatureSpecInput | FeatureSpec): FeatureSpec {
  if (isValidatedSpec(spec)) return spec;
  if (typeof spec !== "object" || spec === null) {
    throw new FeatureError("INVALID_SPEC", "Feature spec must be an object { lookback, features }");
  }
  const form = Array.isArray(spec)
    ? { lookback: undefined, features: spec as readonly unknown[] }
    : (spec as { lookback?: unknown; features?: unknown });
  const lookback = form.lookback === undefined ? undefined : checkLookback(form.lookback);
  const raw: unknown = form.features ?? DEFAULT_FEATURES;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new FeatureError("INVALID_SPEC", "features must be a non-empty array of columns", {
      field: "features",
    });
  }
  const seen = new Set<string>();
  const columns = raw.map((entry: unknown, index) => {
    const column = Object.freeze(parseColumn(entry, lookback, index));
    if (seen.has(column.name)) {
      throw new FeatureError("INVALID_SPEC", `Column "${column.name}" is listed twice`, {
        field: "features",
        index,
      });
    }
    seen.add(column.name);
    return column;
  });
  const out = Object.freeze({
    lookback,
    features: Object.freeze(columns.map((c) => c.name)),
    columns: Object.freeze(columns),
  }) as unknown as FeatureSpec;
  specs.add(out);
  return out;
}

function checkLookback(lookback: unknown): number {
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
  return lookback;
}

/**
 * The spec as plain JSON, for model.json and configs: `{ lookback, features }` with the column
 * names (`lookback` left out when the spec has none). Validating it again gives the same spec.
 *
 * @example
 * ```ts
 * featureSpecJSON(validateFeatureSpec({ lookback: 20, features: ["close"] })); // { lookback: 20, features: ["close"] }
 * ```
 */
export function featureSpecJSON(spec: FeatureSpec): { lookback?: number; features: string[] } {
  return spec.lookback === undefined
    ? { features: [...spec.features] }
    : { lookback: spec.lookback, features: [...spec.features] };
}

/**
 * Input index of the first row where every column of the spec is defined; it is also the
 * `offset` of a `FeatureTable`. With `DEFAULT_FEATURES` it equals `lookback`.
 *
 * @example
 * ```ts
 * warmupLength({ lookback: 20, features: ["close", "moving_average"] }); // 19
 * ```
 */
export function warmupLength(spec: FeatureSpecInput | FeatureSpec): number {
  let first = 0;
  for (const { feature, params } of validateFeatureSpec(spec).columns) {
    const f = FEATURE_DEFINITIONS[feature].firstIndex(params);
    if (f > first) first = f;
  }
  return first;
}
