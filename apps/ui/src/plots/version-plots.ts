import type { Predictions } from "../types";
import { type ChartSpec, COLORS, bars, categoryAxis, noLine } from "./chart";
import {
  coverageByFold,
  cumulativeReturns,
  foldRmse,
  histogram,
  residuals,
  scatterPairs,
  symbolSeries,
  VALIDATION_FOLD,
} from "./prepare";

const pctAxis = { values: (_u: unknown, v: number[]) => v.map((x) => `${(x * 100).toFixed(1)}%`) };

function levelLabel(p: Predictions): string {
  return `${Math.round(p.level * 100)} % interval`;
}

/** Predicted vs actual next return over time on the validation range, with the interval band. */
export function timeSeriesPlot(p: Predictions, symbol: number): ChartSpec {
  const s = symbolSeries(p, symbol);
  return {
    plot: "timeseries",
    title: `Predicted vs actual next return over time, validation range (${p.symbols[symbol] ?? "?"})`,
    options: {
      series: [
        {},
        { label: "actual", stroke: COLORS.actual, width: 1 },
        { label: "predicted", stroke: COLORS.predicted, width: 1.5 },
        { label: `${levelLabel(p)} upper`, stroke: COLORS.band, width: 0 },
        { label: `${levelLabel(p)} lower`, stroke: COLORS.band, width: 0 },
      ],
      bands: [{ series: [3, 4], fill: COLORS.band }],
      axes: [{}, pctAxis],
    },
    data: [s.time, s.actual, s.predicted, s.upper, s.lower],
  };
}

/** Predicted against actual, validation rows of every symbol, with the y = x line. */
export function scatterPlot(p: Predictions): ChartSpec {
  const { x, y } = scatterPairs(p);
  return {
    plot: "scatter",
    title: "Predicted vs actual (validation rows)",
    options: {
      scales: { x: { time: false } },
      series: [
        { label: "actual" },
        {
          label: "predicted",
          stroke: COLORS.predicted,
          paths: noLine,
          points: { show: true, size: 3 },
        },
        { label: "y = x", stroke: COLORS.zero, width: 1, dash: [4, 4], points: { show: false } },
      ],
      axes: [pctAxis, pctAxis],
    },
    data: [x, y, x.length > 1 ? x.map((v, i) => (i === 0 || i === x.length - 1 ? v : null)) : x],
  };
}

/** Distribution of validation residuals (actual - predicted). */
export function residualPlot(p: Predictions): ChartSpec {
  const hist = histogram(residuals(p), 30);
  return {
    plot: "residuals",
    title: "Residuals (actual − predicted), validation rows",
    options: {
      scales: { x: { time: false } },
      series: [
        { label: "residual" },
        {
          label: "rows",
          fill: COLORS.band,
          stroke: COLORS.predicted,
          paths: bars(0.9),
          points: { show: false },
        },
      ],
      axes: [pctAxis, {}],
    },
    data: [hist.centers, hist.counts],
  };
}

/** RMSE of the model and both naive baselines per walk-forward fold and on validation. */
export function foldMetricsPlot(metrics: unknown): ChartSpec {
  const f = foldRmse(metrics);
  const x = f.labels.map((_, i) => i);
  const series = (label: string, stroke: string) => ({
    label,
    stroke,
    width: 2,
    points: { show: true, size: 6 },
  });
  return {
    plot: "folds",
    title: "RMSE per fold vs the baselines (lower is better)",
    options: {
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, x.length - 0.5)] } },
      series: [
        { label: "fold", value: (_u, v) => f.labels[v] ?? "" },
        series("model", COLORS.predicted),
        series("baseline: zero", COLORS.zero),
        series("baseline: train mean", COLORS.mean),
      ],
      axes: [categoryAxis(f.labels), {}],
    },
    data: [x, f.model, f.baselineZero, f.baselineMean],
  };
}

/** Share of rows inside the interval, per fold and on validation, against the nominal level. */
export function coveragePlot(p: Predictions): ChartSpec {
  const c = coverageByFold(p);
  const labels = c.folds.map((f) => (f === VALIDATION_FOLD ? "validation" : `fold ${f + 1}`));
  const x = labels.map((_, i) => i);
  return {
    plot: "coverage",
    title: `Interval coverage per fold (nominal ${Math.round(p.level * 100)} %)`,
    options: {
      scales: {
        x: { time: false, range: [-0.5, Math.max(0.5, x.length - 0.5)] },
        y: { range: [0, 1] },
      },
      series: [
        { label: "fold", value: (_u, v) => labels[v] ?? "" },
        {
          label: "coverage",
          stroke: COLORS.predicted,
          fill: COLORS.band,
          paths: bars(0.6),
          points: { show: false },
        },
        { label: "nominal", stroke: COLORS.other, width: 1, dash: [4, 4], points: { show: false } },
      ],
      axes: [categoryAxis(labels), pctAxis],
    },
    data: [x, c.coverage, x.map(() => p.level)],
  };
}

/** Growth of 1 trading the predicted sign vs buy-and-hold, one symbol, validation range. */
export function returnsPlot(p: Predictions, symbol: number): ChartSpec {
  const r = cumulativeReturns(p, symbol);
  return {
    plot: "returns",
    title: `Cumulative return: trading the predicted sign vs buy-and-hold (${p.symbols[symbol] ?? "?"})`,
    note: "An illustration of the predictions, not a backtest: no costs, slippage, spreads or position sizing; one-period returns compounded on the validation range.",
    options: {
      series: [
        {},
        { label: "predicted sign", stroke: COLORS.predicted, width: 1.5 },
        { label: "buy and hold", stroke: COLORS.actual, width: 1 },
      ],
    },
    data: [r.time, r.strategy, r.buyAndHold],
  };
}
