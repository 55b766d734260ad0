import type { CandleField } from "@mle/features";
import { DatasetError } from "./errors";
import type { ColumnarSeries, PriceSeries } from "./types";

/** The open/high/low/volume columns a spec reads (a field it does not read is absent). */
export interface OhlvColumns {
  readonly open?: Float64Array;
  readonly high?: Float64Array;
  readonly low?: Float64Array;
  readonly volume?: Float64Array;
}

const OHLV = ["open", "high", "low", "volume"] as const;
const PLURAL = { open: "opens", high: "highs", low: "lows", volume: "volumes" } as const;

/**
 * Copies the non-close candle fields the spec reads into typed arrays, checking each value is a
 * finite number (> 0 for prices, >= 0 for volume). The order of low/open/close/high is checked
 * by `@mle/features` when the columns are computed (`INVALID_CANDLE`, rethrown by `featureColumns`).
 *
 * @throws DatasetError `INVALID_CANDLE` naming the symbol, the index and the field
 */
export function readOhlv(
  symbol: string,
  candles: readonly PriceSeries[] | ColumnarSeries,
  fields: ReadonlySet<CandleField>,
  n: number,
): OhlvColumns {
  const out: { -readonly [K in keyof OhlvColumns]: Float64Array } = {};
  for (const field of OHLV) {
    if (!fields.has(field)) continue;
    const col = new Float64Array(n);
    const ok = field === "volume" ? (x: number) => x >= 0 : (x: number) => x > 0;
    const what = field === "volume" ? "a finite number >= 0" : "a finite number > 0";
    if (Array.isArray(candles)) {
      for (let i = 0; i < n; i++) {
        const x = (candles[i] as PriceSeries)[field];
        if (typeof x !== "number" || !(ok(x) && x < Number.POSITIVE_INFINITY)) {
          throw new DatasetError(
            "INVALID_CANDLE",
            `${symbol}[${i}].${field} must be ${what} (a column of the spec reads ${field}), got ${String(x)}`,
            { symbol, index: i },
          );
        }
        col[i] = x;
      }
    } else {
      const name = PLURAL[field];
      const xs = (candles as ColumnarSeries)[name];
      if (typeof xs !== "object" || xs === null || xs.length !== n) {
        throw new DatasetError(
          "INVALID_INPUT",
          `columns of ${symbol} need ${name} (${n} values): a column of the spec reads ${field}`,
          { symbol },
        );
      }
      for (let i = 0; i < n; i++) {
        const x = xs[i]!;
        if (!(ok(x) && x < Number.POSITIVE_INFINITY)) {
          throw new DatasetError(
            "INVALID_CANDLE",
            `${symbol}.${name}[${i}] must be ${what}, got ${String(x)}`,
            { symbol, index: i },
          );
        }
        col[i] = x;
      }
    }
    out[field] = col;
  }
  return out;
}
