import { type Bar, checkPrice, checkRange, checkVolume } from "./candle";
import type { FeatureKernel } from "./definition";
import { FeatureError } from "./errors";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import { planSpec } from "./plan";
import type { ColumnsOf, FeatureSpec, FeatureSpecInput } from "./spec";

/** Incremental features: push one bar at a time, read the latest values in O(1). */
export interface FeatureStream<C extends string = string> {
  readonly spec: FeatureSpec<C>;
  /**
   * Adds the next bar: a close, or a candle `{ close, open?, high?, low?, volume? }` holding the
   * fields the spec reads. True when every column is defined. Throws `INVALID_INPUT` /
   * `INVALID_CANDLE` (index = count) and then leaves the stream unchanged.
   */
  push(bar: number | Bar): boolean;
  /**
   * Replaces the latest pushed bar (the bar still forming) with `bar`: afterwards the stream is
   * exactly, bit for bit, a stream that pushed `bar` instead. Call it as often as the bar changes;
   * `push` then closes it and starts the next. O(1) for every feature (each kernel keeps its
   * state one step back), no allocation. Returns `ready`. Throws `NOTHING_TO_REPLACE` when no bar
   * was pushed since creation or `reset`, and `INVALID_INPUT` / `INVALID_CANDLE` (index =
   * count − 1) leaving the stream unchanged.
   */
  replace(bar: number | Bar): boolean;
  /** True once every column is defined (after `warmupLength(spec) + 1` bars). */
  readonly ready: boolean;
  /** Bars pushed so far (since creation or the last `reset`). */
  readonly count: number;
  /** The latest values by column name, or undefined while not ready. */
  latest(): Readonly<Record<C, number>> | undefined;
  /** Writes the latest values in `spec.features` order into `out`; false (nothing written) while not ready. */
  latestInto(out: Float64Array): boolean;
  reset(): void;
}

/**
 * Creates an incremental feature stream. After pushing bars `b[0..t]`, its values are
 * bit-identical to row `t - offset` of `computeFeatures(b, spec)`: both run the same kernels.
 * A rejected bar leaves the stream unchanged.
 *
 * @example
 * ```ts
 * const s = createFeatureStream({ lookback: 3 });
 * for (const c of [100, 101, 99, 102]) s.push(c);
 * s.ready; // true
 * s.latest(); // { close: 102, simple_return: …, moving_average: …, rolling_volatility: … }
 * ```
 */
export function createFeatureStream<const S extends FeatureSpecInput | FeatureSpec>(
  spec: S,
): FeatureStream<ColumnsOf<S>>;
export function createFeatureStream(spec: FeatureSpecInput | FeatureSpec): FeatureStream {
  const { spec: valid, fields, offset } = planSpec(spec);
  const names = valid.features;
  const k = names.length;
  const kernels: FeatureKernel[] = valid.columns.map(({ feature, params }) =>
    FEATURE_DEFINITIONS[feature].createKernel(params),
  );
  const closeOnly = fields.size === 1;
  const current = new Float64Array(k);
  const readyAt = offset + 1;
  let count = 0;
  const bare: [number, number, number, number, number] = [
    0,
    Number.NaN,
    Number.NaN,
    Number.NaN,
    Number.NaN,
  ];
  const read = (bar: number | Bar, index: number) => {
    if (typeof bar !== "number") return readBar(bar, fields, index);
    if (!closeOnly) {
      throw new FeatureError(
        "INVALID_INPUT",
        `the spec reads ${[...fields].join(", ")}: push candles { close, ... }, not bare closes`,
        { index },
      );
    }
    checkPrice(bar, index, "close");
    bare[0] = bar;
    return bare;
  };

  return {
    spec: valid,
    get ready() {
      return count >= readyAt;
    },
    get count() {
      return count;
    },
    push(bar) {
      if (typeof bar === "number" && closeOnly) {
        checkPrice(bar, count, "close"); // the hot path: no tuple
        for (let i = 0; i < k; i++)
          current[i] = kernels[i]!.push(bar, Number.NaN, Number.NaN, Number.NaN, Number.NaN);
        return ++count >= readyAt;
      }
      const [c, o, h, l, v] = read(bar, count);
      for (let i = 0; i < k; i++) current[i] = kernels[i]!.push(c, o, h, l, v);
      return ++count >= readyAt;
    },
    replace(bar) {
      if (count === 0) {
        throw new FeatureError("NOTHING_TO_REPLACE", "replace: no bar has been pushed yet");
      }
      const [c, o, h, l, v] = read(bar, count - 1); // validated before any kernel changes
      for (let i = 0; i < k; i++) {
        const kernel = kernels[i]!;
        kernel.undo();
        current[i] = kernel.push(c, o, h, l, v);
      }
      return count >= readyAt;
    },
    latest() {
      if (count < readyAt) return undefined;
      const out: Record<string, number> = {};
      for (let i = 0; i < k; i++) out[names[i]!] = current[i]!;
      return out;
    },
    latestInto(out) {
      if (count < readyAt) return false;
      out.set(current);
      return true;
    },
    reset() {
      for (const kernel of kernels) kernel.reset();
      current.fill(0);
      count = 0;
    },
  };
}

/** The validated fields of one pushed bar as [close, open, high, low, volume] (NaN when not read). */
function readBar(
  bar: unknown,
  fields: ReadonlySet<string>,
  index: number,
): [number, number, number, number, number] {
  if (typeof bar !== "object" || bar === null) {
    throw new FeatureError("INVALID_INPUT", `bar at index ${index} is not a number or an object`, {
      index,
    });
  }
  const b = bar as Record<string, unknown>;
  const price = (f: string) => {
    if (!fields.has(f)) return Number.NaN;
    const x = b[f];
    checkPrice(x, index, f);
    return x;
  };
  const c = price("close");
  const o = price("open");
  const h = price("high");
  const l = price("low");
  let v = Number.NaN;
  if (fields.has("volume")) {
    const x = b.volume;
    checkVolume(x, index);
    v = x;
  }
  checkRange(index, c, o, Number.isNaN(h) ? Number.POSITIVE_INFINITY : h, Number.isNaN(l) ? 0 : l);
  return [c, o, h, l, v];
}
