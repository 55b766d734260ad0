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

export interface Side {
  readonly version: string;
  readonly metrics: unknown;
  readonly predictions: Predictions | null;
}

const pctAxis = { values: (_u: unknown, v: number[]) => v.map((x) => `${(x * 100).toFixed(1)}%`) };
const STROKES = [COLORS.predicted, COLORS.other] as const;

/** Both versions' predictions and the actual values of one symbol over time. */
export function compareTimeSeries(a: Side, b: Side, symbol: string): ChartSpec {
  const series = [a, b].map((s) => {
    const i = s.predictions?.symbols.indexOf(symbol) ?? -1;
    return i < 0 || !s.predictions ? null : symbolSeries(s.predictions, i);
  });
  const actualFrom = series[0] ?? series[1];
  const aligned = alignOnTime([
    { time: actualFrom?.time ?? [], values: actualFrom?.actual ?? [] },
    { time: series[0]?.time ?? [], values: series[0]?.predicted ?? [] },
    { time: series[1]?.time ?? [], values: series[1]?.predicted ?? [] },
  ]);
  return {
    plot: "timeseries",
    title: `Predicted vs actual over time, validation range (${symbol})`,
    options: {
      series: [
        {},
        { label: "actual", stroke: COLORS.actual, width: 1, spanGaps: true },
        { label: a.version, stroke: STROKES[0], width: 1.5, spanGaps: true },
        { label: b.version, stroke: STROKES[1], width: 1.5, spanGaps: true },
      ],
      axes: [{}, pctAxis],
    },
    data: [aligned.time, ...aligned.values],
  };
}

/** Predicted against actual for both versions (x = actual). */
export function compareScatter(a: Side, b: Side): ChartSpec {
  const pairs = [a, b].map((s) => (s.predictions ? scatterPairs(s.predictions) : { x: [], y: [] }));
  const aligned = alignOnTime(pairs.map((p) => ({ time: p.x, values: p.y })));
  return {
    plot: "scatter",
    title: "Predicted vs actual (validation rows)",
    options: {
      scales: { x: { time: false } },
      series: [
        { label: "actual" },
        ...[a, b].map((s, i) => ({
          label: s.version,
          stroke: STROKES[i]!,
          paths: noLine,
          points: { show: true, size: 3 },
        })),
      ],
      axes: [pctAxis, pctAxis],
    },
    data: [aligned.time, ...aligned.values],
  };
}

/** Residual histograms on shared bins. */
export function compareResiduals(a: Side, b: Side): ChartSpec {
  const res = [a, b].map((s) => (s.predictions ? residuals(s.predictions) : []));
  const all = histogram([...res[0]!, ...res[1]!], 30);
  const counts = res.map((r) => {
    const out = all.centers.map(() => 0);
    if (all.width === 0) out[0] = r.length;
    else {
      const min = all.centers[0]! - all.width / 2;
      for (const v of r) out[Math.min(out.length - 1, Math.floor((v - min) / all.width))]! += 1;
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
        ...[a, b].map((s, i) => ({
          label: s.version,
          stroke: STROKES[i]!,
          width: 1.5,
          points: { show: false },
        })),
      ],
      axes: [pctAxis, {}],
    },
    data: [all.centers, ...counts],
  };
}

/** Model RMSE per fold for both versions, with the zero baseline of the first. */
export function compareFolds(a: Side, b: Side): ChartSpec {
  const fa = foldRmse(a.metrics);
  const fb = foldRmse(b.metrics);
  const labels = fa.labels.length >= fb.labels.length ? fa.labels : fb.labels;
  const at = (f: typeof fa, key: "model" | "baselineZero") =>
    labels.map((l) => f[key][f.labels.indexOf(l)] ?? null);
  const x = labels.map((_, i) => i);
  return {
    plot: "folds",
    title: "RMSE per fold vs the zero baseline (lower is better)",
    options: {
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, x.length - 0.5)] } },
      series: [
        { label: "fold", value: (_u, v) => labels[v] ?? "" },
        ...[a, b].map((s, i) => ({
          label: s.version,
          stroke: STROKES[i]!,
          width: 2,
          points: { show: true, size: 6 },
        })),
        { label: "baseline: zero", stroke: COLORS.zero, width: 1, dash: [4, 4] },
      ],
      axes: [categoryAxis(labels), {}],
    },
    data: [x, at(fa, "model"), at(fb, "model"), at(fa, "baselineZero")],
  };
}

/** Interval coverage per fold for both versions. */
export function compareCoverage(a: Side, b: Side): ChartSpec {
  const cov = [a, b].map((s) =>
    s.predictions ? coverageByFold(s.predictions) : { folds: [], coverage: [], rows: [] },
  );
  const folds = [...new Set(cov.flatMap((c) => c.folds))].sort((x, y) =>
    x === VALIDATION_FOLD ? 1 : y === VALIDATION_FOLD ? -1 : x - y,
  );
  const labels = folds.map((f) => (f === VALIDATION_FOLD ? "validation" : `fold ${f + 1}`));
  const x = labels.map((_, i) => i);
  const level = a.predictions?.level ?? b.predictions?.level ?? 0.9;
  return {
    plot: "coverage",
    title: `Interval coverage per fold (nominal ${Math.round(level * 100)} %)`,
    options: {
      scales: {
        x: { time: false, range: [-0.5, Math.max(0.5, x.length - 0.5)] },
        y: { range: [0, 1] },
      },
      series: [
        { label: "fold", value: (_u, v) => labels[v] ?? "" },
        ...[a, b].map((s, i) => ({
          label: s.version,
          stroke: STROKES[i]!,
          fill: i === 0 ? COLORS.band : COLORS.otherBand,
          paths: bars(0.35),
          points: { show: false },
        })),
        {
          label: "nominal",
          stroke: COLORS.actual,
          width: 1,
          dash: [4, 4],
          points: { show: false },
        },
      ],
      axes: [categoryAxis(labels), pctAxis],
    },
    data: [
      x,
      ...cov.map((c) => folds.map((f) => c.coverage[c.folds.indexOf(f)] ?? null)),
      x.map(() => level),
    ],
  };
}

/** Trading each version's predicted sign vs buy-and-hold for one symbol. */
export function compareReturns(a: Side, b: Side, symbol: string): ChartSpec {
  const curves = [a, b].map((s) => {
    const i = s.predictions?.symbols.indexOf(symbol) ?? -1;
    return i < 0 || !s.predictions ? null : cumulativeReturns(s.predictions, i);
  });
  const hold = curves[0] ?? curves[1];
  const aligned = alignOnTime([
    { time: curves[0]?.time ?? [], values: curves[0]?.strategy ?? [] },
    { time: curves[1]?.time ?? [], values: curves[1]?.strategy ?? [] },
    { time: hold?.time ?? [], values: hold?.buyAndHold ?? [] },
  ]);
  return {
    plot: "returns",
    title: `Cumulative return of trading the predicted sign vs buy-and-hold (${symbol})`,
    note: "An illustration of the predictions, not a backtest: no costs, slippage, spreads or position sizing.",
    options: {
      series: [
        {},
        ...[a, b].map((s, i) => ({
          label: `${s.version} predicted sign`,
          stroke: STROKES[i]!,
          width: 1.5,
          spanGaps: true,
        })),
        { label: "buy and hold", stroke: COLORS.actual, width: 1, spanGaps: true },
      ],
    },
    data: [aligned.time, ...aligned.values],
  };
}
