/**
 * The plots of the version and compare pages, one builder per plot. Each takes one side (the
 * version page) or several (compare: the same plot, overlaid), so the two pages cannot drift.
 * @module
 */
import type { Predictions } from "../types";
import { type ChartSpec, COLORS, bars, categoryAxis, noLine } from "./chart";
import {
  alignOnTime,
  coverageByFold,
  cumulativeReturns,
  foldRmse,
  histogram,
  residuals,
  scatterPairs,
  symbolSeries,
  VALIDATION_FOLD,
} from "./prepare";

/** One version as the plots read it. */
export interface Side {
  readonly version: string;
  /** metrics.json. */
  readonly metrics: unknown;
  /** null: trained before predictions were stored; only the per-fold metrics can be drawn. */
  readonly predictions: Predictions | null;
}

const STROKES = [COLORS.predicted, COLORS.other] as const;
const FILLS = [COLORS.band, COLORS.otherBand] as const;
const stroke = (i: number) => STROKES[i % STROKES.length]!;
const fill = (i: number) => FILLS[i % FILLS.length]!;

const pctAxis = {
  size: 60,
  values: (_u: unknown, v: number[]) => v.map((x) => `${(x * 100).toFixed(1)}%`),
};

/** A category x axis (0..n-1) padded by half a slot on each side. */
function categoryX(labels: readonly string[]) {
  return {
    scale: { time: false, range: [-0.5, Math.max(0.5, labels.length - 0.5)] as [number, number] },
    series: { label: "fold", value: (_u: unknown, v: number) => labels[v] ?? "" },
    axis: categoryAxis(labels),
    x: labels.map((_, i) => i),
  };
}

/** "predicted" for one version, the version's name when several are overlaid. */
function label(sides: readonly Side[], i: number, what = "predicted"): string {
  return sides.length === 1 ? what : `${sides[i]!.version} ${what}`.trim();
}

function symbolIndex(side: Side, symbol: string): number {
  return side.predictions?.symbols.indexOf(symbol) ?? -1;
}

/** Every symbol of any side, in first-seen order (the symbol picker's options). */
export function symbolsOf(sides: readonly Side[]): string[] {
  return [...new Set(sides.flatMap((s) => s.predictions?.symbols ?? []))];
}

/**
 * Predicted vs actual next return of one symbol over the validation range; with one version,
 * its interval band too (two overlaid bands would hide each other).
 */
export function timeSeriesPlot(sides: readonly Side[], symbol: string): ChartSpec {
  const series = sides.map((s) => {
    const i = symbolIndex(s, symbol);
    return i < 0 ? null : symbolSeries(s.predictions!, i);
  });
  const actual = series.find((s) => s !== null) ?? null;
  const one = sides.length === 1 ? series[0] : null;
  const level = sides[0]?.predictions?.level ?? 0.9;
  const band = `${Math.round(level * 100)} % interval`;
  const aligned = alignOnTime([
    { time: actual?.time ?? [], values: actual?.actual ?? [] },
    ...series.map((s) => ({ time: s?.time ?? [], values: s?.predicted ?? [] })),
    ...(one
      ? [
          { time: one.time, values: one.upper },
          { time: one.time, values: one.lower },
        ]
      : []),
  ]);
  const n = sides.length;
  return {
    plot: "timeseries",
    title: `Predicted vs actual next return over time, validation range (${symbol})`,
    options: {
      series: [
        {},
        { label: "actual", stroke: COLORS.actual, width: 1, spanGaps: true },
        ...sides.map((_, i) => ({
          label: label(sides, i),
          stroke: stroke(i),
          width: 1.5,
          spanGaps: true,
        })),
        ...(one
          ? [
              { label: `${band} upper`, stroke: COLORS.band, width: 0 },
              { label: `${band} lower`, stroke: COLORS.band, width: 0 },
            ]
          : []),
      ],
      ...(one
        ? { bands: [{ series: [n + 2, n + 3] as [number, number], fill: COLORS.band }] }
        : {}),
      axes: [{}, pctAxis],
    },
    data: [aligned.time, ...aligned.values],
  };
}

/** Predicted against actual on the validation rows of every symbol, with the y = x line. */
export function scatterPlot(sides: readonly Side[]): ChartSpec {
  const pairs = sides.map((s) => (s.predictions ? scatterPairs(s.predictions) : { x: [], y: [] }));
  const aligned = alignOnTime(pairs.map((p) => ({ time: p.x, values: p.y })));
  const x = aligned.time;
  return {
    plot: "scatter",
    title: "Predicted vs actual (validation rows)",
    options: {
      scales: { x: { time: false } },
      series: [
        { label: "actual" },
        ...sides.map((_, i) => ({
          label: label(sides, i),
          stroke: stroke(i),
          paths: noLine,
          points: { show: true, size: 3 },
        })),
        { label: "y = x", stroke: COLORS.zero, width: 1, dash: [4, 4], points: { show: false } },
      ],
      axes: [pctAxis, pctAxis],
    },
    data: [x, ...aligned.values, x.map((v, i) => (i === 0 || i === x.length - 1 ? v : null))],
  };
}

/** Residual histograms (actual − predicted) of the validation rows on shared bins. */
export function residualPlot(sides: readonly Side[]): ChartSpec {
  const res = sides.map((s) => (s.predictions ? residuals(s.predictions) : []));
  const all = histogram(res.flat(), 30);
  const min = (all.centers[0] ?? 0) - all.width / 2;
  const counts = res.map((r) => {
    const out = all.centers.map(() => 0);
    for (const v of r) {
      const bin = all.width === 0 ? 0 : Math.floor((v - min) / all.width);
      out[Math.min(out.length - 1, bin)]! += 1;
    }
    return out;
  });
  return {
    plot: "residuals",
    title: "Residuals (actual − predicted), validation rows",
    options: {
      scales: { x: { time: false } },
      series: [
        { label: "residual" },
        ...sides.map((_, i) => ({
          label: label(sides, i, "rows"),
          stroke: stroke(i),
          // Bars for one version; outlines for several, so neither hides the other.
          ...(sides.length === 1 ? { fill: fill(i), paths: bars(0.9) } : { width: 1.5 }),
          points: { show: false },
        })),
      ],
      axes: [pctAxis, {}],
    },
    data: [all.centers, ...counts],
  };
}

/** Model RMSE per walk-forward fold and on validation, against the first version's baselines. */
export function foldMetricsPlot(sides: readonly Side[]): ChartSpec {
  const folds = sides.map((s) => foldRmse(s.metrics));
  const labels = folds.reduce<string[]>((a, f) => (f.labels.length > a.length ? f.labels : a), []);
  const at = (i: number, key: "model" | "baselineZero" | "baselineMean") =>
    labels.map((l) => folds[i]![key][folds[i]!.labels.indexOf(l)] ?? null);
  const cat = categoryX(labels);
  const line = (lbl: string, color: string, width = 2) => ({
    label: lbl,
    stroke: color,
    width,
    points: { show: true, size: 6 },
  });
  return {
    plot: "folds",
    title: "RMSE per fold vs the baselines (lower is better)",
    options: {
      scales: { x: cat.scale },
      series: [
        cat.series,
        ...sides.map((_, i) => line(label(sides, i, "model"), stroke(i))),
        { ...line("baseline: zero", COLORS.zero, 1), dash: [4, 4] },
        { ...line("baseline: train mean", COLORS.mean, 1), dash: [4, 4] },
      ],
      axes: [cat.axis, {}],
    },
    data: [
      cat.x,
      ...sides.map((_, i) => at(i, "model")),
      at(0, "baselineZero"),
      at(0, "baselineMean"),
    ],
  };
}

/** Share of rows inside the interval, per fold and on validation, against the nominal level. */
export function coveragePlot(sides: readonly Side[]): ChartSpec {
  const cov = sides.map((s) => (s.predictions ? coverageByFold(s.predictions) : null));
  const folds = [...new Set(cov.flatMap((c) => c?.folds ?? []))].sort((x, y) =>
    x === VALIDATION_FOLD ? 1 : y === VALIDATION_FOLD ? -1 : x - y,
  );
  const cat = categoryX(folds.map((f) => (f === VALIDATION_FOLD ? "validation" : `fold ${f + 1}`)));
  const level = sides.find((s) => s.predictions)?.predictions?.level ?? 0.9;
  return {
    plot: "coverage",
    title: `Interval coverage per fold (nominal ${Math.round(level * 100)} %)`,
    options: {
      scales: { x: cat.scale, y: { range: [0, 1] } },
      series: [
        cat.series,
        ...sides.map((_, i) => ({
          label: label(sides, i, "coverage"),
          stroke: stroke(i),
          // Bars for one version; for several, points joined by lines (bars at one x overlap).
          ...(sides.length === 1
            ? { fill: fill(i), paths: bars(0.6), points: { show: false } }
            : { width: 2, points: { show: true, size: 6 } }),
        })),
        {
          label: "nominal",
          stroke: COLORS.actual,
          width: 1,
          dash: [4, 4],
          points: { show: false },
        },
      ],
      axes: [cat.axis, pctAxis],
    },
    data: [
      cat.x,
      ...cov.map((c) => folds.map((f) => (c ? (c.coverage[c.folds.indexOf(f)] ?? null) : null))),
      cat.x.map(() => level),
    ],
  };
}

/** Growth of 1 trading each version's predicted sign vs buy-and-hold, one symbol, validation range. */
export function returnsPlot(sides: readonly Side[], symbol: string): ChartSpec {
  const curves = sides.map((s) => {
    const i = symbolIndex(s, symbol);
    return i < 0 ? null : cumulativeReturns(s.predictions!, i);
  });
  const hold = curves.find((c) => c !== null) ?? null;
  const aligned = alignOnTime([
    ...curves.map((c) => ({ time: c?.time ?? [], values: c?.strategy ?? [] })),
    { time: hold?.time ?? [], values: hold?.buyAndHold ?? [] },
  ]);
  return {
    plot: "returns",
    title: `Illustration: cumulative return of trading the predicted sign vs buy-and-hold (${symbol})`,
    note: "An illustration of the predictions, not a backtest: no costs, slippage, spreads or position sizing; one-period returns compounded on the validation range.",
    options: {
      series: [
        {},
        ...sides.map((_, i) => ({
          label: label(sides, i, "predicted sign"),
          stroke: stroke(i),
          width: 1.5,
          spanGaps: true,
        })),
        { label: "buy and hold", stroke: COLORS.actual, width: 1, spanGaps: true },
      ],
    },
    data: [aligned.time, ...aligned.values],
  };
}
