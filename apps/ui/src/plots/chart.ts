import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { h } from "../dom";

export type Data = uPlot.AlignedData;

export const COLORS = {
  actual: "#1f2937",
  predicted: "#2563eb",
  other: "#dc2626",
  band: "rgba(37, 99, 235, 0.15)",
  otherBand: "rgba(220, 38, 38, 0.12)",
  zero: "#9ca3af",
  mean: "#f59e0b",
} as const;

export interface ChartSpec {
  /** Stable name: `data-plot` on the figure (what the browser tests look for). */
  readonly plot: string;
  readonly title: string;
  readonly note?: string;
  readonly options: Omit<uPlot.Options, "width" | "height" | "title">;
  readonly data: Data;
}

/** Points drawn: the non-null values of every y series. */
export function pointCount(data: Data): number {
  let n = 0;
  for (let s = 1; s < data.length; s++) {
    for (const v of data[s] ?? []) if (v !== null && v !== undefined && Number.isFinite(v)) n++;
  }
  return n;
}

/**
 * A `<figure>` holding one uPlot chart, with `data-plot` and `data-points` so a reader (and the
 * browser tests) can tell an empty chart from a drawn one.
 */
export function chart(spec: ChartSpec, width = 560, height = 260): HTMLElement {
  const points = pointCount(spec.data);
  const fig = h(
    "figure",
    { class: "plot", "data-plot": spec.plot, "data-points": points },
    h("figcaption", {}, spec.title),
  );
  if (points === 0) {
    fig.append(h("p", { class: "muted" }, "No data for this plot."));
    return fig;
  }
  const body = h("div", { class: "plot-body" });
  fig.append(body);
  new uPlot({ ...spec.options, width, height }, spec.data, body);
  if (spec.note) fig.append(h("p", { class: "note" }, spec.note));
  return fig;
}

/** x axis labels for category charts (x = 0..n-1). */
export function categoryAxis(labels: readonly string[]): uPlot.Axis {
  return {
    splits: () => labels.map((_, i) => i),
    values: (_u, splits) => splits.map((i) => labels[i] ?? ""),
  };
}

export function bars(size = 0.6): uPlot.Series.PathBuilder {
  return uPlot.paths.bars!({ size: [size, 60] });
}

export const noLine: uPlot.Series.PathBuilder = () => null;
