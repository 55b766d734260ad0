import type { Candle } from "./candle";
import { FieldProblem, type ParsedCandle, parseCandleFields, sortAndDedupe } from "./candle-fields";
import { UpstreamBadResponseError } from "./errors";

/** Long key first, then the short alias accepted from upstreams. */
const KEYS = {
  timestamp: ["timestamp", "t"],
  open: ["open", "o"],
  high: ["high", "h"],
  low: ["low", "l"],
  close: ["close", "c"],
  volume: ["volume", "v"],
} as const;

function pick(item: Record<string, unknown>, keys: readonly [string, string]): unknown {
  return Object.hasOwn(item, keys[0]) ? item[keys[0]] : item[keys[1]];
}

function candleList(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (
    typeof raw === "object" &&
    raw !== null &&
    Array.isArray((raw as { candles?: unknown }).candles)
  ) {
    return (raw as { candles: unknown[] }).candles;
  }
  throw new UpstreamBadResponseError(
    'Upstream response is not candles: expected an array or an object { "symbol", "candles": [...] }',
  );
}

export interface NormalizeOptions {
  /** Latest acceptable candle time in epoch ms (a candle from the future is a bad answer); none by default. */
  readonly notAfterMs?: number;
}

/**
 * Strictly normalizes upstream candles: accepts a bare array or `{ symbol, candles }`; long keys or the
 * short `t,o,h,l,c,v`; numbers or numeric strings; ISO-8601 timestamps (no zone = UTC) or epoch
 * seconds (|x| < 1e11) / milliseconds (|x| >= 1e11). Output is sorted oldest first with exact duplicates
 * dropped.
 *
 * @throws UpstreamBadResponseError (code `UPSTREAM_BAD_RESPONSE`) with `index` and `field` for the first
 * bad candle: non-finite or non-numeric value, price <= 0, volume < 0, high < low, open/close outside
 * [low, high], a bad timestamp, a timestamp after `options.notAfterMs`, or two candles with the same timestamp and different values.
 * @example
 * ```ts
 * normalizeCandles([{ t: 1704153600, o: "1", h: "2", l: "1", c: "2", v: 0 }]);
 * // [{ timestamp: "2024-01-02T00:00:00.000Z", open: 1, high: 2, low: 1, close: 2, volume: 0 }]
 * ```
 */
export function normalizeCandles(raw: unknown, options: NormalizeOptions = {}): Candle[] {
  const notAfter = options.notAfterMs ?? Number.POSITIVE_INFINITY;
  const items = candleList(raw);
  const parsed: ParsedCandle[] = new Array(items.length);
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new UpstreamBadResponseError(`Candle ${index} is not an object`, { index });
    }
    const record = item as Record<string, unknown>;
    try {
      parsed[index] = parseCandleFields({
        timestamp: pick(record, KEYS.timestamp),
        open: pick(record, KEYS.open),
        high: pick(record, KEYS.high),
        low: pick(record, KEYS.low),
        close: pick(record, KEYS.close),
        volume: pick(record, KEYS.volume),
      });
    } catch (e) {
      if (!(e instanceof FieldProblem)) throw e;
      throw new UpstreamBadResponseError(`Candle ${index}, field "${e.field}": ${e.problem}`, {
        index,
        field: e.field,
      });
    }
    if (parsed[index]!.ms > notAfter) {
      const { timestamp } = parsed[index]!.candle;
      throw new UpstreamBadResponseError(
        `Candle ${index}, field "timestamp": ${timestamp} is later than ${new Date(notAfter).toISOString()} (the source's clock plus its future tolerance)`,
        { index, field: "timestamp" },
      );
    }
  }
  const result = sortAndDedupe(parsed);
  if ("conflict" in result) {
    const { later, earlier } = result.conflict;
    throw new UpstreamBadResponseError(
      `Candle ${later}, field "timestamp": same timestamp as candle ${earlier} with different values`,
      { index: later, field: "timestamp" },
    );
  }
  return result.candles;
}
