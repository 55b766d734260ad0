import { type Child, h } from "../dom";
import { pick, when } from "../format";
import { chart } from "../plots/chart";
import {
  coveragePlot,
  foldMetricsPlot,
  residualPlot,
  returnsPlot,
  scatterPlot,
  timeSeriesPlot,
} from "../plots/version-plots";
import type { Predictions, VersionDetails } from "../types";
import { verdictOf } from "../verdict";
import { aliasBadges, kvTable, metricsTable, section, statusBadge } from "./common";

/** Where a version came from: data, code and configuration. */
export function lineageRows(d: VersionDetails): Array<readonly [string, unknown]> {
  const md = d.metadata ?? {};
  return [
    ["version", d.version],
    ["created (UTC)", when(d.created_at)],
    ["kind", d.kind ?? md.model_type],
    ["data source", pick(md, "data_source", "kind")],
    ["symbols", md.symbols],
    ["date range", dateRange(d.dataset_summary)],
    ["dataset hash", md.dataset_hash],
    ["split", md.split],
    ["config file", md.config_file],
    ["package versions", md.package_versions],
    ["training duration (ms)", md.training_duration_ms],
    ["artifacts", md.artifacts ? Object.keys(md.artifacts as object) : undefined],
  ];
}

function dateRange(summary: unknown): string | undefined {
  const s = pick(summary, "date_range", "start");
  const e = pick(summary, "date_range", "end");
  return typeof s === "string" && typeof e === "string" ? `${when(s)} → ${when(e)}` : undefined;
}

function featureSpec(d: VersionDetails): Array<readonly [string, unknown]> {
  const spec = pick(d.dataset_summary, "spec") ?? pick(d.metadata, "config");
  return [
    ["lookback", pick(spec, "lookback")],
    ["features", pick(spec, "features")],
    ["feature columns", d.feature_columns],
  ];
}

/** The evaluation statistics, when the server has them: scalars first, then nested objects. */
function evaluationView(evaluation: unknown): Child {
  if (!evaluation || typeof evaluation !== "object") return null;
  const entries = Object.entries(evaluation as Record<string, unknown>).filter(
    ([k]) => k !== "folds" && k !== "per_fold",
  );
  return section("Evaluation", kvTable(entries, "kv evaluation"));
}

export interface VersionViewOptions {
  /** Chart width in px. */
  readonly width?: number;
  /** Extra content after the header (the alias form on the live page). */
  readonly actions?: Child;
}

/**
 * The version page body, shared by the live UI and `mle report`: header, lineage,
 * hyperparameters, feature spec, metrics, evaluation, and the plots when predictions exist.
 */
export function versionView(
  d: VersionDetails,
  predictions: Predictions | null,
  options: VersionViewOptions = {},
): HTMLElement {
  const width = options.width ?? 560;
  const verdict = verdictOf(d);
  const header = h(
    "header",
    { class: "version-head" },
    h(
      "h1",
      {},
      `Version ${d.version}`,
      " ",
      statusBadge(d.status, d.problem),
      " ",
      aliasBadges(d.aliases),
    ),
    d.status === "corrupt"
      ? h(
          "p",
          { class: "error", "data-problem": "" },
          `Corrupt: ${d.problem ?? "an artifact fails verification"}. It cannot be served or aliased.`,
        )
      : null,
    verdict ? h("p", { class: "verdict", "data-verdict": "" }, `Verdict: ${verdict}`) : null,
  );
  const hyper =
    d.hyperparameters ??
    (pick(d.metadata, "hyperparameters") as Record<string, unknown> | undefined);
  const view = h(
    "div",
    { class: "version", "data-version": d.version },
    header,
    options.actions ?? null,
    h(
      "div",
      { class: "columns" },
      section("Lineage", kvTable(lineageRows(d))),
      section(
        "Hyperparameters",
        hyper ? kvTable(Object.entries(hyper)) : h("p", { class: "muted" }, "–"),
      ),
      section("Feature spec", kvTable(featureSpec(d))),
      section("Validation metrics vs baselines", metricsTable(d.metrics)),
    ),
    evaluationView(d.evaluation),
  );
  view.append(plotsSection(d, predictions, width));
  return view;
}

function plotsSection(d: VersionDetails, p: Predictions | null, width: number): HTMLElement {
  const plots = h("div", { class: "plots" });
  const sec = section("Plots", plots);
  const fixed = [foldMetricsPlot(d.metrics)];
  if (!p) {
    plots.append(chart(fixed[0]!, width));
    sec.append(
      h(
        "p",
        { class: "muted" },
        "This version has no stored validation predictions (trained before they were recorded), so only the per-fold metrics are plotted.",
      ),
    );
    return sec;
  }
  const perSymbol = h("div", { class: "per-symbol" });
  const drawSymbol = (s: number) =>
    perSymbol.replaceChildren(chart(timeSeriesPlot(p, s), width), chart(returnsPlot(p, s), width));
  const picker = h(
    "select",
    {
      "aria-label": "symbol",
      "data-control": "symbol",
      onchange: (e: Event) => drawSymbol(Number((e.target as HTMLSelectElement).value)),
    },
    ...p.symbols.map((s, i) => h("option", { value: i }, s)),
  );
  drawSymbol(0);
  plots.append(
    h("p", {}, h("label", {}, "symbol ", picker)),
    perSymbol,
    chart(scatterPlot(p), width),
    chart(residualPlot(p), width),
    ...fixed.map((f) => chart(f, width)),
    chart(coveragePlot(p), width),
  );
  return sec;
}
