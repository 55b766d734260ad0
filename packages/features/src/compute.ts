import { createBatchInput } from "./batch-input";
import type { CandleColumns } from "./candle";
import { columnName } from "./column";
import { FeatureError } from "./errors";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import { toOhlcv } from "./input";
import { planSpec } from "./plan";
import type { ColumnsOf, FeatureSpec, FeatureSpecInput } from "./spec";
import type { FeatureTable } from "./table";

/**
 * Computes feature columns over a whole series in one O(n) pass per feature, whatever the
 * window. The input is the closes, or candle columns `{ close, open?, high?, low?, volume? }`
 * when a column reads more than closes. Rows before every column is defined are left out
 * (`table.offset`).
 * Throws `FeatureError`: a spec error (see `validateFeatureSpec`), `INVALID_INPUT` with the
 * `index` and `field` of the first value that is not a finite number > 0 (volume: >= 0) or a
 * missing field, `INVALID_CANDLE` for a candle whose low/open/close/high are out of order.
 *
 * @example
 * ```ts
 * const t = computeFeatures([100, 101, 102, 100], { lookback: 2, features: ["close", "moving_average"] });
 * t.offset; // 1
 * t.values.moving_average; // Float64Array [100.5, 101.5, 101]
 * ```
 */
export function computeFeatures<const S extends FeatureSpecInput | FeatureSpec>(
  input: ArrayLike<number> | CandleColumns,
  spec: S,
): FeatureTable<ColumnsOf<S>>;
export function computeFeatures(
  input: ArrayLike<number> | CandleColumns,
  spec: FeatureSpecInput | FeatureSpec,
): FeatureTable {
  const { spec: valid, fields, offset } = planSpec(spec);
  const { ohlcv, ownsCloses } = toOhlcv(input, fields);
  const batch = createBatchInput(ohlcv, ownsCloses);
  const length = Math.max(0, ohlcv.close.length - offset);
  const values: Record<string, Float64Array> = {};
  for (const { name, feature, params } of valid.columns) {
    values[name] =
      length === 0
        ? new Float64Array(0)
        : FEATURE_DEFINITIONS[feature].batch(batch, params, offset);
  }
  return Object.freeze({
    spec: valid,
    columns: valid.features,
    offset,
    length,
    values: Object.freeze(values),
  });
}

/** Options of {@link computeInto}. */
export interface ComputeIntoOptions {
  /**
   * A caller-owned buffer of at least n values for the simple returns that `simple_return` and
   * `rolling_volatility` share; without it that one n-sized array is allocated per call.
   */
  readonly scratch?: Float64Array;
}

/** Where {@link computeInto} wrote: row `i` (input index `offset + i`) for `i < length`. */
export interface ComputedInto {
  readonly offset: number;
  readonly length: number;
}

/**
 * `computeFeatures` into caller-owned buffers: column `j` of the spec (`spec.features[j]`) is
 * written to `out[j][0 .. length)`, bit-identical to `computeFeatures(input, spec).values`, and
 * no column is allocated, so a loop over many series (a dataset build) reuses one set of buffers.
 * With `options.scratch` and Float64Array input no n-sized array is allocated at all. Each buffer
 * needs at least `n − warmupLength(spec)` values; what lies beyond `length` is not touched.
 * Throws what `computeFeatures` throws, and `INVALID_ARGUMENT` for a wrong number of buffers or
 * one that is too short.
 *
 * @example
 * ```ts
 * const spec = validateFeatureSpec({ lookback: 20 });
 * const out = spec.features.map(() => new Float64Array(1_000_000));
 * const { offset, length } = computeInto(closes, spec, out);
 * out[2][length - 1]; // moving_average at input index offset + length - 1
 * ```
 */
export function computeInto(
  input: ArrayLike<number> | CandleColumns,
  spec: FeatureSpecInput | FeatureSpec,
  out: readonly Float64Array[],
  options: ComputeIntoOptions = {},
): ComputedInto {
  const { spec: valid, fields, offset } = planSpec(spec);
  const { ohlcv, ownsCloses } = toOhlcv(input, fields);
  const n = ohlcv.close.length;
  const length = Math.max(0, n - offset);
  const columns = valid.columns;
  if (!Array.isArray(out) || out.length !== columns.length) {
    throw new FeatureError(
      "INVALID_ARGUMENT",
      `computeInto needs one Float64Array per column (${columns.length}), got ${Array.isArray(out) ? out.length : typeof out}`,
      { field: "out" },
    );
  }
  for (let j = 0; j < columns.length; j++) {
    const buf = out[j];
    if (!(buf instanceof Float64Array) || buf.length < length) {
      throw new FeatureError(
        "INVALID_ARGUMENT",
        `out[${j}] (${columns[j]!.name}) must be a Float64Array of at least ${length} values`,
        { field: `out[${j}]`, index: j },
      );
    }
  }
  const scratch = options.scratch;
  if (scratch !== undefined && (!(scratch instanceof Float64Array) || scratch.length < n)) {
    throw new FeatureError(
      "INVALID_ARGUMENT",
      `scratch must be a Float64Array of at least ${n} values`,
      { field: "scratch" },
    );
  }
  if (length === 0) return { offset, length };
  const into = out.map((buf) => (buf.length === length ? buf : buf.subarray(0, length)));
  const targets = new Map<string, Float64Array>();
  for (let j = 0; j < columns.length; j++) {
    const { feature, params } = columns[j]!;
    targets.set(columnName(feature, params), into[j]!);
  }
  const batch = createBatchInput(ohlcv, ownsCloses, scratch, targets);
  for (let j = 0; j < columns.length; j++) {
    const { feature, params } = columns[j]!;
    FEATURE_DEFINITIONS[feature].batch(batch, params, offset, into[j]!);
  }
  return { offset, length };
}
