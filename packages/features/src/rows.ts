import { computeFeatures } from "./compute";
import { FeatureError } from "./errors";
import { checkClose } from "./input";
import type { FeatureName } from "./names";
import type { FeatureSpec, FeatureSpecInput } from "./spec";

/** One output row: the bar's timestamp plus one number per requested feature. */
export type FeatureRow = { timestamp: string } & Record<FeatureName, number>;

/**
 * Convenience over {@link computeFeatures} for bars `{ timestamp, close, ... }` (a market-client
 * `Candle` fits): one object per defined row, oldest first, with the bar's timestamp and the
 * requested features only. Throws `FeatureError` `INVALID_INPUT` naming the index and field of a
 * bar without a string timestamp or a valid close.
 *
 * @example
 * ```ts
 * computeFeatureRows(
 *   [{ timestamp: "2024-01-01T00:00:00.000Z", close: 100 }, { timestamp: "2024-01-02T00:00:00.000Z", close: 110 }],
 *   { lookback: 2, features: ["close", "simple_return"] },
 * ); // [{ timestamp: "2024-01-02T00:00:00.000Z", close: 110, simple_return: 0.10000000000000009 }]
 * ```
 */
export function computeFeatureRows<T extends { timestamp: string; close: number }>(
  bars: readonly T[],
  spec: FeatureSpecInput | FeatureSpec,
): FeatureRow[] {
  if (!Array.isArray(bars)) {
    throw new FeatureError("INVALID_INPUT", "bars must be an array of { timestamp, close }");
  }
  const n = bars.length;
  const closes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const bar: unknown = bars[i];
    if (typeof bar !== "object" || bar === null) {
      throw new FeatureError("INVALID_INPUT", `bar at index ${i} is not an object`, { index: i });
    }
    const { timestamp, close } = bar as { timestamp?: unknown; close?: unknown };
    if (typeof timestamp !== "string") {
      throw new FeatureError("INVALID_INPUT", `bar at index ${i} has no string timestamp`, {
        index: i,
        field: "timestamp",
      });
    }
    checkClose(close, i);
    closes[i] = close;
  }
  const table = computeFeatures(closes, spec);
  const rows: FeatureRow[] = new Array(table.length);
  const columns = table.columns.map((name) => [name, table.values[name]] as const);
  for (let i = 0; i < table.length; i++) {
    const row: Record<string, number | string> = { timestamp: bars[table.offset + i]!.timestamp };
    for (const [name, col] of columns) row[name] = col[i]!;
    rows[i] = row as FeatureRow;
  }
  return rows;
}
