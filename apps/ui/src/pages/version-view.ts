import { type Child, h } from "../dom";
import { pick, when } from "../format";
import { plotPanel } from "../plots/plot-panel";
import type { Predictions, VersionDetails } from "../types";
import { verdictOf } from "../verdict";
import { aliasBadges, kvTable, metricsTable, section, show, statusBadge } from "./common";

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

const EVALUATION_ROWS: ReadonlyArray<readonly [string, string[]]> = [
  ["Clark–West p vs zero", ["zero", "clark_west", "p_value"]],
  ["Diebold–Mariano p (squared) vs zero", ["zero", "diebold_mariano_squared", "p_value"]],
  ["Diebold–Mariano p (absolute) vs zero", ["zero", "diebold_mariano_absolute", "p_value"]],
  ["Pesaran–Timmermann p (direction)", ["direction", "pesaran_timmermann", "p_value"]],
  ["out-of-sample R² vs zero", ["zero", "oos_r2"]],
  ["interval coverage", ["interval", "coverage"]],
  ["rows", ["n"]],
];

/**
 * The evaluation statistics, when the version has them: the tests a reader acts on, for the
 * validation split and the pooled walk-forward folds, then the whole report folded away.
 */
function evaluationView(evaluation: unknown): Child {
  if (!evaluation || typeof evaluation !== "object") return null;
  const sets = ["validation", "walk_forward"] as const;
  const rows = EVALUATION_ROWS.map(([label, path]) => [
    label,
    ...sets.map((set) => pick(evaluation, set, ...path)),
  ]);
  const interval = pick(evaluation, "interval");
  return section(
    "Evaluation",
    h(
      "table",
      { class: "grid", "data-table": "evaluation" },
      h(
        "thead",
        {},
        h("tr", {}, h("th", {}, ""), ...sets.map((s) => h("th", {}, s.replace("_", "-")))),
      ),
      h(
        "tbody",
        {},
        ...rows.map(([label, ...values]) =>
          h("tr", {}, h("th", {}, String(label)), ...values.map((v) => h("td", {}, show(v)))),
        ),
      ),
    ),
    interval
      ? h(
          "p",
          { class: "muted" },
          `Served interval: ${String(pick(interval, "method") ?? "?")}, level ${String(pick(interval, "level") ?? "?")}.`,
        )
      : null,
    h(
      "details",
      {},
      h("summary", {}, "The whole evaluation report (evaluation.json)"),
      h("pre", { class: "json" }, JSON.stringify(evaluation, null, 2)),
    ),
  );
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
  view.append(
    section("Plots", plotPanel([{ version: d.version, metrics: d.metrics, predictions }], width)),
  );
  return view;
}
