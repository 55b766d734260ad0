import type { Bar, CandleColumns, CandleField } from "./candle";
import { checkPrice, checkVolume } from "./candle";
import { computeFeatures } from "./compute";
import { FeatureError } from "./errors";
import { fieldsRead } from "./plan";
import {
  type ColumnsOf,
  type FeatureSpec,
  type FeatureSpecInput,
  validateFeatureSpec,
} from "./spec";
import type { FeatureTable } from "./table";

/** One output row: the bar's timestamp plus one number per column. */
export type FeatureRow<C extends string = string> = { timestamp: string } & Record<C, number>;

/**
 * Reads bars into columns of the fields the spec reads, naming the index and field of the first
 * bad value (`INVALID_INPUT`).
 */
export function barsToColumns(
  bars: readonly unknown[],
  fields: ReadonlySet<CandleField>,
): CandleColumns {
  if (!Array.isArray(bars)) {
    throw new FeatureError("INVALID_INPUT", "bars must be an array of { timestamp, close, ... }");
  }
  const n = bars.length;
  const cols: Partial<Record<CandleField, Float64Array>> = {};
  for (const f of fields) cols[f] = new Float64Array(n);
  const list = [...fields];
  for (let i = 0; i < n; i++) {
    const bar: unknown = bars[i];
    if (typeof bar !== "object" || bar === null) {
      throw new FeatureError("INVALID_INPUT", `bar at index ${i} is not an object`, { index: i });
    }
    for (const f of list) {
      const x = (bar as Record<string, unknown>)[f];
      if (f === "volume") checkVolume(x, i);
      else checkPrice(x, i, f);
      cols[f]![i] = x;
    }
  }
  return cols as CandleColumns;
}

/** {@link computeFeatures} over bars `{ close, open?, high?, low?, volume? }`. */
export function computeFeatureTable(
  bars: readonly Bar[],
  spec: FeatureSpecInput | FeatureSpec,
): FeatureTable {
  const valid = validateFeatureSpec(spec);
  return computeFeatures(barsToColumns(bars, fieldsRead(valid)), valid);
}

/**
 * Convenience over {@link computeFeatures} for bars `{ timestamp, close, ... }` (a market-client
 * `Candle` fits): one object per defined row, oldest first, with the bar's timestamp and the
 * requested columns only. Throws `FeatureError` `INVALID_INPUT` naming the index and field of a
 * bar without a string timestamp or a valid value of a field the spec reads.
 *
 * @example
 * ```ts
 * computeFeatureRows(
 *   [{ timestamp: "2024-01-01T00:00:00.000Z", close: 100 }, { timestamp: "2024-01-02T00:00:00.000Z", close: 110 }],
 *   { lookback: 2, features: ["close", "simple_return"] },
 * ); // [{ timestamp: "2024-01-02T00:00:00.000Z", close: 110, simple_return: 0.10000000000000009 }]
 * ```
 */
export function computeFeatureRows<
  T extends Bar & { timestamp: string },
  const S extends FeatureSpecInput | FeatureSpec,
>(bars: readonly T[], spec: S): FeatureRow<ColumnsOf<S>>[];
export function computeFeatureRows<T extends Bar & { timestamp: string }>(
  bars: readonly T[],
  spec: FeatureSpecInput | FeatureSpec,
): FeatureRow[] {
  if (!Array.isArray(bars)) {
    throw new FeatureError("INVALID_INPUT", "bars must be an array of { timestamp, close, ... }");
  }
  const valid = validateFeatureSpec(spec);
  const columns = barsToColumns(bars, fieldsRead(valid));
  for (let i = 0; i < bars.length; i++) {
    if (typeof bars[i]!.timestamp !== "string") {
      throw new FeatureError("INVALID_INPUT", `bar at index ${i} has no string timestamp`, {
        index: i,
        field: "timestamp",
      });
    }
  }
  const table = computeFeatures(columns, valid);
  const rows: FeatureRow[] = new Array(table.length);
  const named = table.columns.map((name) => [name, table.values[name]!] as const);
  for (let i = 0; i < table.length; i++) {
    const row: Record<string, number | string> = { timestamp: bars[table.offset + i]!.timestamp };
    for (const [name, col] of named) row[name] = col[i]!;
    rows[i] = row as FeatureRow;
  }
  return rows;
}
