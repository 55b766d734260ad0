import type { Candle } from "./candle";

/** Strict decimal number syntax for numeric strings: no hex, no "Infinity", no empty string. */
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** Below this magnitude a numeric timestamp is epoch seconds, at or above it epoch milliseconds. */
export const EPOCH_SECONDS_LIMIT = 1e11;
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Thrown by the parsers below; the caller turns it into an error that names where the value came from. */
export class FieldProblem {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {}
}

function show(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return "nothing";
  if (typeof value === "number") return String(value);
  return value === null ? "null" : typeof value;
}

/** A finite number from a number or a strict numeric string. */
export function parseNumber(field: string, value: unknown): number {
  let n = Number.NaN;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && NUMERIC.test(value.trim())) n = Number(value.trim());
  if (!Number.isFinite(n))
    throw new FieldProblem(field, `expected a finite number, got ${show(value)}`);
  return n;
}

/**
 * Epoch milliseconds from an ISO-8601 string (a missing zone means UTC), or from epoch seconds /
 * milliseconds as a number or numeric string: magnitudes below {@link EPOCH_SECONDS_LIMIT} are seconds.
 */
export function parseTimestamp(field: string, value: unknown): number {
  let ms = Number.NaN;
  if (typeof value === "number" || (typeof value === "string" && NUMERIC.test(value.trim()))) {
    const n = typeof value === "number" ? value : Number(value.trim());
    if (Number.isFinite(n)) ms = Math.abs(n) < EPOCH_SECONDS_LIMIT ? Math.round(n * 1000) : n;
    if (!Number.isInteger(ms)) ms = Number.NaN;
  } else if (typeof value === "string") {
    const m = ISO.exec(value.trim());
    if (m !== null) {
      const text = value.trim().replace(" ", "T");
      ms = Date.parse(
        m[4] === undefined ? `${text}T00:00:00Z` : m[8] === undefined ? `${text}Z` : text,
      );
      // Date.parse rolls 2024-02-30 over to March; reject dates that do not exist.
      const [, y, mo, d] = m;
      const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
      if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) ms = Number.NaN;
    }
  }
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw new FieldProblem(
      field,
      `expected an ISO-8601 date or epoch seconds/milliseconds between 1900 and 9999, got ${show(value)}`,
    );
  }
  return ms;
}

/** Raw field values of one candle, before parsing. */
export interface RawCandleFields {
  timestamp: unknown;
  open: unknown;
  high: unknown;
  low: unknown;
  close: unknown;
  volume: unknown;
}

/** `toISOString()` form: the common case, parsed without the general ISO grammar. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A timestamp and its canonical text. Canonical input is its own output when it round-trips
 * (which also rejects dates that do not exist): a 4 MiB answer is ~26 000 timestamps, and this
 * halves the time the event loop spends on them.
 */
function parseTimestampText(value: unknown): { ms: number; text: string } {
  if (typeof value === "string" && value.length === 24 && CANONICAL.test(value)) {
    const ms = Date.parse(value);
    if (ms >= MIN_MS && ms <= MAX_MS) {
      const text = new Date(ms).toISOString();
      if (text === value) return { ms, text: value };
    }
  }
  const ms = parseTimestamp("timestamp", value);
  return { ms, text: new Date(ms).toISOString() };
}

function parsePrice(field: "open" | "high" | "low" | "close", value: unknown): number {
  const n = parseNumber(field, value);
  if (n <= 0) throw new FieldProblem(field, `expected a price > 0, got ${n}`);
  return n;
}

/** A parsed candle plus its epoch milliseconds (for sorting). */
export interface ParsedCandle {
  readonly ms: number;
  readonly candle: Candle;
}

/**
 * Parses and checks one candle: finite numbers, prices > 0, volume >= 0, low <= open, close <= high.
 * Throws {@link FieldProblem} naming the first field at fault.
 */
export function parseCandleFields(raw: RawCandleFields): ParsedCandle {
  const { ms, text } = parseTimestampText(raw.timestamp);
  const open = parsePrice("open", raw.open);
  const high = parsePrice("high", raw.high);
  const low = parsePrice("low", raw.low);
  const close = parsePrice("close", raw.close);
  const volume = parseNumber("volume", raw.volume);
  if (volume < 0) throw new FieldProblem("volume", `expected a volume >= 0, got ${volume}`);
  if (high < low) throw new FieldProblem("high", `high ${high} is below low ${low}`);
  if (open < low || open > high)
    throw new FieldProblem("open", `open ${open} is outside [low ${low}, high ${high}]`);
  if (close < low || close > high) {
    throw new FieldProblem("close", `close ${close} is outside [low ${low}, high ${high}]`);
  }
  return { ms, candle: { timestamp: text, open, high, low, close, volume } };
}

function sameValues(a: Candle, b: Candle): boolean {
  return (
    a.open === b.open &&
    a.high === b.high &&
    a.low === b.low &&
    a.close === b.close &&
    a.volume === b.volume
  );
}

/**
 * Sorts parsed candles ascending (stable), drops exact duplicates and reports the first conflicting
 * duplicate by its positions in the input order.
 */
export function sortAndDedupe(
  parsed: readonly ParsedCandle[],
): { candles: Candle[] } | { conflict: { later: number; earlier: number } } {
  const order = parsed.map((_, i) => i).sort((a, b) => parsed[a]!.ms - parsed[b]!.ms || a - b);
  const out: Candle[] = [];
  let prev = -1;
  for (const i of order) {
    const current = parsed[i]!;
    if (prev >= 0 && parsed[prev]!.ms === current.ms) {
      if (sameValues(parsed[prev]!.candle, current.candle)) continue;
      return { conflict: { later: Math.max(i, prev), earlier: Math.min(i, prev) } };
    }
    out.push(current.candle);
    prev = i;
  }
  return { candles: out };
}
