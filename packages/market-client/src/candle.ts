import { z } from "zod";

/** One daily (or intraday) bar. `timestamp` is ISO-8601 UTC with milliseconds, e.g. `2024-01-02T00:00:00.000Z`. */
export interface Candle {
  timestamp: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const price = z.number().finite().positive();

/**
 * zod schema of the canonical {@link Candle} (already normalized: numbers, not strings). It checks the
 * OHLC ordering too: `low <= open, close <= high`.
 *
 * @example
 * ```ts
 * candleSchema.parse({ timestamp: "2024-01-02T00:00:00.000Z", open: 1, high: 2, low: 1, close: 2, volume: 0 });
 * ```
 */
export const candleSchema: z.ZodType<Candle> = z
  .object({
    timestamp: z.iso.datetime({ precision: 3 }),
    open: price,
    high: price,
    low: price,
    close: price,
    volume: z.number().finite().nonnegative(),
  })
  .refine((c) => c.low <= c.high, { message: "high is below low", path: ["high"] })
  .refine((c) => c.low <= c.open && c.open <= c.high, {
    message: "open is outside [low, high]",
    path: ["open"],
  })
  .refine((c) => c.low <= c.close && c.close <= c.high, {
    message: "close is outside [low, high]",
    path: ["close"],
  });
