import { h } from "../dom";
import { chart } from "./chart";
import {
  coveragePlot,
  foldMetricsPlot,
  residualPlot,
  returnsPlot,
  scatterPlot,
  type Side,
  symbolsOf,
  timeSeriesPlot,
} from "./specs";

/**
 * Every plot of one version (the version page, a report) or of several overlaid (compare), with
 * a symbol picker for the per-symbol plots. Without stored predictions only the per-fold metrics
 * (from metrics.json) can be drawn, and the panel says why.
 */
export function plotPanel(sides: readonly Side[], width = 560): HTMLElement {
  const plots = h("div", { class: "plots" });
  const panel = h("div", { class: "plot-panel" });
  const symbols = symbolsOf(sides);
  if (symbols.length === 0) {
    plots.append(
      chart(foldMetricsPlot(sides), width),
      h(
        "p",
        { class: "muted", "data-note": "no-predictions" },
        "No stored validation predictions (trained before they were recorded), so only the per-fold metrics are plotted.",
      ),
    );
    panel.append(plots);
    return panel;
  }
  const perSymbol = h("div", { class: "per-symbol" });
  const draw = (symbol: string) =>
    perSymbol.replaceChildren(
      chart(timeSeriesPlot(sides, symbol), width),
      chart(returnsPlot(sides, symbol), width),
    );
  const picker = h(
    "select",
    {
      "aria-label": "symbol",
      "data-control": "symbol",
      onchange: (e: Event) => draw((e.target as HTMLSelectElement).value),
    },
    ...symbols.map((s) => h("option", { value: s }, s)),
  );
  draw(symbols[0]!);
  const missing = sides.filter((s) => !s.predictions).map((s) => s.version);
  panel.append(
    h("p", {}, h("label", {}, "symbol ", picker)),
    ...(missing.length > 0
      ? [h("p", { class: "muted" }, `No stored predictions for ${missing.join(", ")}.`)]
      : []),
    plots,
  );
  plots.append(
    perSymbol,
    chart(scatterPlot(sides), width),
    chart(residualPlot(sides), width),
    chart(foldMetricsPlot(sides), width),
    chart(coveragePlot(sides), width),
  );
  return panel;
}
