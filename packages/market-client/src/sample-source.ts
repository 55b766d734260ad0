import type { Candle } from "./candle";
import { ConfigError } from "./errors";
import { DAY_MS, generateSamplePath, SAMPLE_ORIGIN, type SamplePath } from "./sample-price-path";
import { type MarketDataSource, withPreamble } from "./source";

export const DEFAULT_SAMPLE_SEED = 42;
export const DEFAULT_SAMPLE_END_DATE = "2025-12-31";
/** Paths kept per source; each costs about 0.8 MB for the default 20,454-day history. */
const CACHE_SIZE = 8;

export interface SampleSourceOptions {
  /** Any safe integer; default {@link DEFAULT_SAMPLE_SEED}. */
  seed?: number;
  /** Last day (`YYYY-MM-DD`, UTC) of every series; default {@link DEFAULT_SAMPLE_END_DATE}, never "now". */
  endDate?: string;
  /** Cap on candles returned per call, whatever the limit; default: the whole history since 1970-01-01. */
  maxCandles?: number;
}

const ORIGIN_MS = Date.parse(`${SAMPLE_ORIGIN}T00:00:00.000Z`);

function parseEndDate(endDate: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(endDate)
    ? Date.parse(`${endDate}T00:00:00.000Z`)
    : Number.NaN;
  if (
    !Number.isFinite(ms) ||
    new Date(ms).toISOString().slice(0, 10) !== endDate ||
    ms < ORIGIN_MS
  ) {
    throw new ConfigError(
      "endDate",
      `Sample endDate must be a calendar date YYYY-MM-DD on or after ${SAMPLE_ORIGIN}, got ${JSON.stringify(endDate)}`,
    );
  }
  return ms;
}

/**
 * The embedded source: deterministic synthetic DAILY candles (one per calendar day, 00:00 UTC) for any
 * valid symbol. Same symbol + seed gives bit-identical candles on every machine; the candle of a given
 * date is the same whatever `limit`, `endDate` or `maxCandles`. See the README for the exact process.
 *
 * @example
 * ```ts
 * const source = createSampleSource({ seed: 7 });
 * const candles = await source.getCandles("AAPL", { limit: 250 }); // 2025-04-26 .. 2025-12-31
 * ```
 */
export function createSampleSource(options: SampleSourceOptions = {}): MarketDataSource {
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new ConfigError("seed", `Sample seed must be a safe integer, got ${String(seed)}`);
  }
  const endMs = parseEndDate(options.endDate ?? DEFAULT_SAMPLE_END_DATE);
  const days = (endMs - ORIGIN_MS) / DAY_MS + 1;
  const maxCandles = options.maxCandles ?? days;
  if (!Number.isSafeInteger(maxCandles) || maxCandles < 1) {
    throw new ConfigError(
      "maxCandles",
      `maxCandles must be a positive integer, got ${String(maxCandles)}`,
    );
  }
  const cache = new Map<string, SamplePath>();
  // Dates are shared by every symbol; formatting them dominates a call once the path is cached.
  const isoDates: (string | undefined)[] = new Array(days);

  const pathOf = (symbol: string): SamplePath => {
    const hit = cache.get(symbol);
    if (hit !== undefined) {
      cache.delete(symbol);
      cache.set(symbol, hit);
      return hit;
    }
    const path = generateSamplePath(symbol, seed, days);
    cache.set(symbol, path);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return path;
  };

  return {
    kind: "sample",
    getCandles: withPreamble(async (sym, limit): Promise<Candle[]> => {
      const path = pathOf(sym);
      const count = Math.min(limit, maxCandles, path.length);
      const out: Candle[] = new Array(count);
      const first = path.length - count;
      for (let k = 0; k < count; k++) {
        const i = first + k;
        out[k] = {
          timestamp: (isoDates[i] ??= new Date(ORIGIN_MS + i * DAY_MS).toISOString()),
          open: path.open[i]!,
          high: path.high[i]!,
          low: path.low[i]!,
          close: path.close[i]!,
          volume: path.volume[i]!,
        };
      }
      return out;
    }),
  };
}
