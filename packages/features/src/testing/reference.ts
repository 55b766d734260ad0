/**
 * Naive reference implementations for tests only (not exported by the package): every value is
 * computed from its own window from scratch, two-pass, O(n·w). Written from the definitions in
 * docs/architecture.md, independently of the kernels.
 */
import type { FeatureName } from "../names";

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Two-pass sample standard deviation (ddof 1); exactly 0 when every value is equal. */
export function sampleStd(xs: readonly number[]): number {
  if (xs.every((x) => x === xs[0])) return 0;
  const m = mean(xs);
  let q = 0;
  for (const x of xs) q += (x - m) * (x - m);
  return Math.sqrt(q / (xs.length - 1));
}

function returns(c: readonly number[]): number[] {
  return c.map((x, t) => (t === 0 ? Number.NaN : x / c[t - 1]! - 1));
}

/** The close-only v1 features this naive reference covers (the others: the numpy OHLCV fixture). */
export const REFERENCE_NAMES = [
  "close",
  "simple_return",
  "log_return",
  "moving_average",
  "rolling_volatility",
  "ema",
  "rsi",
  "zscore",
] as const satisfies readonly FeatureName[];

/** Reference value of `name` at every input index; `undefined` where it is not defined. */
export function referenceFeature(
  name: (typeof REFERENCE_NAMES)[number],
  c: readonly number[],
  w: number,
): (number | undefined)[] {
  const n = c.length;
  const out: (number | undefined)[] = new Array(n).fill(undefined);
  const r = returns(c);
  for (let t = 0; t < n; t++) {
    const win = c.slice(t - w + 1, t + 1);
    switch (name) {
      case "close":
        out[t] = c[t];
        break;
      case "simple_return":
        if (t >= 1) out[t] = r[t];
        break;
      case "log_return":
        if (t >= 1) out[t] = Math.log(c[t]! / c[t - 1]!);
        break;
      case "moving_average":
        if (t >= w - 1) out[t] = mean(win);
        break;
      case "rolling_volatility":
        if (t >= w) out[t] = sampleStd(r.slice(t - w + 1, t + 1));
        break;
      case "zscore":
        if (t >= w - 1) {
          const sd = sampleStd(win);
          out[t] = sd === 0 ? 0 : (c[t]! - mean(win)) / sd;
        }
        break;
      case "ema":
        if (t >= w - 1) out[t] = referenceEma(c, w, t);
        break;
      case "rsi":
        if (t >= w) out[t] = referenceRsi(c, w, t);
        break;
      default: {
        const never: never = name;
        throw new Error(`no reference for ${String(never)}`);
      }
    }
  }
  return out;
}

/** EMA as its closed-form weighted sum: (1-a)^k · SMA(first w) + Σ a (1-a)^(t-j) c[j]. */
function referenceEma(c: readonly number[], w: number, t: number): number {
  const a = 2 / (w + 1);
  let v = mean(c.slice(0, w)) * (1 - a) ** (t - w + 1);
  for (let j = w; j <= t; j++) v += a * (1 - a) ** (t - j) * c[j]!;
  return v;
}

/** Wilder RSI written as 100 · G / (G + L). */
function referenceRsi(c: readonly number[], w: number, t: number): number {
  let g = 0;
  let l = 0;
  for (let j = 1; j <= w; j++) {
    const d = c[j]! - c[j - 1]!;
    g += Math.max(d, 0);
    l += d < 0 ? -d : 0;
  }
  g /= w;
  l /= w;
  for (let j = w + 1; j <= t; j++) {
    const d = c[j]! - c[j - 1]!;
    g = (g * (w - 1) + Math.max(d, 0)) / w;
    l = (l * (w - 1) + (d < 0 ? -d : 0)) / w;
  }
  return g + l === 0 ? 50 : (100 * g) / (g + l);
}

/** True when `a` is within `rel` relative (floored at `abs`) of `b`. */
export function close(a: number, b: number, rel = 1e-9, abs = 1e-12): boolean {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.abs(b));
}
