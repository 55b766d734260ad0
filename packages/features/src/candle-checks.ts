import type { Ohlcv } from "./candle";

/**
 * Whole-column checks as booleans, for the fast path of `toOhlcv`: one pass over the columns a
 * spec reads, checking every value and the candle order together (a candle series of 1,000,000
 * rows is 8 MB per column, so each extra pass costs about a millisecond of memory traffic). They
 * only say whether everything is valid; when not, `toOhlcv` runs the checked path, which names
 * the first problem in the documented order.
 */

const INF = Number.POSITIVE_INFINITY;

/** Every value a finite number > 0 (`x > 0` is false for NaN). */
export function pricesValid(x: Float64Array): boolean {
  const n = x.length;
  let i = 0;
  // four values per test: one well-predicted branch per four candles
  for (; i + 3 < n; i += 4) {
    const a = x[i]!;
    const b = x[i + 1]!;
    const c = x[i + 2]!;
    const d = x[i + 3]!;
    if (!(a > 0 && a < INF && b > 0 && b < INF && c > 0 && c < INF && d > 0 && d < INF)) {
      return false;
    }
  }
  for (; i < n; i++) {
    const a = x[i]!;
    if (!(a > 0 && a < INF)) return false;
  }
  return true;
}

/** Every value a finite number >= 0. */
export function volumesValid(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    if (!(a >= 0 && a < INF)) return false;
  }
  return true;
}

/**
 * `0 < low <= close <= high < ∞` for every candle: all three prices valid and in order, in one
 * pass (a NaN anywhere fails a comparison).
 */
export function hlcValid(close: Float64Array, high: Float64Array, low: Float64Array): boolean {
  for (let i = 0; i < close.length; i++) {
    const c = close[i]!;
    const h = high[i]!;
    const l = low[i]!;
    if (!(l > 0 && h < INF && l <= c && c <= h)) return false;
  }
  return true;
}

/** {@link hlcValid} with the open too: `low <= min(open, close) <= max(open, close) <= high`. */
export function ohlcValid(
  close: Float64Array,
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
): boolean {
  for (let i = 0; i < close.length; i++) {
    const c = close[i]!;
    const o = open[i]!;
    const h = high[i]!;
    const l = low[i]!;
    if (!(l > 0 && h < INF && l <= c && c <= h && l <= o && o <= h)) return false;
  }
  return true;
}

/**
 * Index of the first candle whose low/open/close/high are out of order, or −1, for prices already
 * known valid, reading only the fields present (a zero-length column is not read): a missing open
 * is the close, a missing high +∞ and a missing low 0.
 */
export function firstBadCandle({ close, open, high, low }: Ohlcv): number {
  const hasOpen = open.length > 0;
  const hasHigh = high.length > 0;
  const hasLow = low.length > 0;
  if (!hasHigh && !hasLow) return -1;
  for (let i = 0; i < close.length; i++) {
    const c = close[i]!;
    const o = hasOpen ? open[i]! : c;
    const h = hasHigh ? high[i]! : INF;
    const l = hasLow ? low[i]! : 0;
    if (l > h || l > c || l > o || h < c || h < o) return i;
  }
  return -1;
}

/**
 * True when every column of `ohlcv` (zero-length: not read) holds valid values and every candle
 * is in order: the rule `toOhlcv`'s checked path enforces, in one pass for the usual field sets
 * (close alone; high, low and close, with or without open), plus one for volume.
 */
export function ohlcvValid(ohlcv: Ohlcv): boolean {
  const { close, open, high, low, volume } = ohlcv;
  if (volume.length > 0 && !volumesValid(volume)) return false;
  const hasOpen = open.length > 0;
  if (high.length > 0 && low.length > 0) {
    return hasOpen ? ohlcValid(close, open, high, low) : hlcValid(close, high, low);
  }
  // close alone, or a field set with one bound only (no feature reads one today)
  if (!pricesValid(close)) return false;
  if (hasOpen && !pricesValid(open)) return false;
  if (high.length > 0 && !pricesValid(high)) return false;
  if (low.length > 0 && !pricesValid(low)) return false;
  return firstBadCandle(ohlcv) < 0;
}
