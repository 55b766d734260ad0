/**
 * Pure data preparation for the plots: no DOM, no uPlot, so every number a chart draws is
 * unit-tested here.
 * @module
 */
import type { Predictions } from "../types";

/** The fold value of the final validation range in {@link Predictions.fold}. */
export const VALIDATION_FOLD = -1;

export interface SymbolSeries {
  /** Epoch seconds, ascending. */
  readonly time: number[];
  readonly actual: number[];
  readonly predicted: number[];
  readonly lower: number[];
  readonly upper: number[];
}

function rowsWhere(p: Predictions, keep: (i: number) => boolean): number[] {
  const rows: number[] = [];
  for (let i = 0; i < p.timestamps.length; i++) if (keep(i)) rows.push(i);
  return rows;
}

/** One symbol's rows in `folds` (default: the validation range), in time order. */
export function symbolSeries(
  p: Predictions,
  symbol: number,
  folds: readonly number[] = [VALIDATION_FOLD],
): SymbolSeries {
  const rows = rowsWhere(p, (i) => p.symbol[i] === symbol && folds.includes(p.fold[i]!));
  rows.sort((a, b) => p.timestamps[a]! - p.timestamps[b]!);
  return {
    time: rows.map((i) => p.timestamps[i]!),
    actual: rows.map((i) => p.actual[i]!),
    predicted: rows.map((i) => p.predicted[i]!),
    lower: rows.map((i) => p.lower[i]!),
    upper: rows.map((i) => p.upper[i]!),
  };
}

/** Validation rows (every symbol) as [actual, predicted] sorted by actual: a scatter's x must ascend. */
export function scatterPairs(p: Predictions): { x: number[]; y: number[] } {
  const rows = rowsWhere(p, (i) => p.fold[i] === VALIDATION_FOLD);
  rows.sort((a, b) => p.actual[a]! - p.actual[b]! || a - b);
  return { x: rows.map((i) => p.actual[i]!), y: rows.map((i) => p.predicted[i]!) };
}

/** Residuals `actual - predicted` of the validation rows. */
export function residuals(p: Predictions): number[] {
  return rowsWhere(p, (i) => p.fold[i] === VALIDATION_FOLD).map(
    (i) => p.actual[i]! - p.predicted[i]!,
  );
}

export interface Histogram {
  /** Bin centres. */
  readonly centers: number[];
  readonly counts: number[];
  readonly width: number;
}

/** Equal-width histogram over [min, max] with `bins` bins; the maximum falls in the last bin. */
export function histogram(values: readonly number[], bins = 30): Histogram {
  if (values.length === 0) return { centers: [], counts: [], width: 0 };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return { centers: [min], counts: [values.length], width: 0 };
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]! += 1;
  return { centers: counts.map((_, b) => min + (b + 0.5) * width), counts, width };
}

export interface FoldCoverage {
  /** Fold numbers in ascending order, the validation range (-1) last. */
  readonly folds: number[];
  /** Share of rows whose actual lies in [lower, upper]. */
  readonly coverage: number[];
  readonly rows: number[];
}

/** Interval coverage per fold and on the validation range. */
export function coverageByFold(p: Predictions): FoldCoverage {
  const hits = new Map<number, { inside: number; n: number }>();
  for (let i = 0; i < p.fold.length; i++) {
    const f = p.fold[i]!;
    const s = hits.get(f) ?? { inside: 0, n: 0 };
    s.n += 1;
    if (p.actual[i]! >= p.lower[i]! && p.actual[i]! <= p.upper[i]!) s.inside += 1;
    hits.set(f, s);
  }
  const folds = [...hits.keys()].sort((a, b) =>
    a === VALIDATION_FOLD ? 1 : b === VALIDATION_FOLD ? -1 : a - b,
  );
  return {
    folds,
    coverage: folds.map((f) => hits.get(f)!.inside / hits.get(f)!.n),
    rows: folds.map((f) => hits.get(f)!.n),
  };
}

export interface CumulativeReturns {
  readonly time: number[];
  /** Growth of 1 when holding long if the prediction is positive, short if negative, flat at 0. */
  readonly strategy: number[];
  /** Growth of 1 when holding the symbol throughout. */
  readonly buyAndHold: number[];
}

/**
 * Cumulative growth of trading the predicted sign of the next return against buy-and-hold, for
 * one symbol on the validation range. No costs, no slippage, no position sizing: an
 * illustration of the predictions, not a backtest.
 */
export function cumulativeReturns(p: Predictions, symbol: number): CumulativeReturns {
  const s = symbolSeries(p, symbol);
  let strat = 1;
  let hold = 1;
  const strategy: number[] = [];
  const buyAndHold: number[] = [];
  for (let i = 0; i < s.time.length; i++) {
    const r = s.actual[i]!;
    strat *= 1 + Math.sign(s.predicted[i]!) * r;
    hold *= 1 + r;
    strategy.push(strat);
    buyAndHold.push(hold);
  }
  return { time: s.time, strategy, buyAndHold };
}

export interface FoldRmse {
  /** "fold 1".. and "validation". */
  readonly labels: string[];
  readonly model: (number | null)[];
  readonly baselineZero: (number | null)[];
  readonly baselineMean: (number | null)[];
}

function rmseOf(set: unknown, key: string): number | null {
  const v = (set as Record<string, { rmse?: unknown } | undefined> | null)?.[key]?.rmse;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** RMSE of the model and both baselines per walk-forward fold and on validation, from metrics.json. */
export function foldRmse(metrics: unknown): FoldRmse {
  const m = (metrics ?? {}) as { cv?: { folds?: unknown[] }; validation?: unknown };
  const sets: Array<{ label: string; set: unknown }> = (m.cv?.folds ?? []).map((f, i) => ({
    label: `fold ${(typeof (f as { index?: unknown }).index === "number" ? (f as { index: number }).index : i) + 1}`,
    set: f,
  }));
  if (m.validation !== undefined) sets.push({ label: "validation", set: m.validation });
  return {
    labels: sets.map((s) => s.label),
    model: sets.map((s) => rmseOf(s.set, "model")),
    baselineZero: sets.map((s) => rmseOf(s.set, "baseline_zero")),
    baselineMean: sets.map((s) => rmseOf(s.set, "baseline_mean")),
  };
}

/**
 * Aligns several (time, value) series on the union of their times, `null` where a series has no
 * point: how two versions' predictions are overlaid.
 */
export function alignOnTime(
  series: ReadonlyArray<{ time: readonly number[]; values: readonly number[] }>,
): { time: number[]; values: (number | null)[][] } {
  const times = [...new Set(series.flatMap((s) => s.time))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const values = series.map((s) => {
    const out = new Array<number | null>(times.length).fill(null);
    s.time.forEach((t, i) => {
      out[index.get(t)!] = s.values[i]!;
    });
    return out;
  });
  return { time: times, values };
}
