import { formatParams } from "./format-params";
import { formatMeanStd, formatNumber, formatPercent } from "../render/format";
import { intervalPhrase } from "../render/evaluation-lines";
import { renderTable } from "../render/table";
import type { MetricsLike, TrainSummary } from "./summary";

function metricRow(label: string, m: MetricsLike): string[] {
  return [
    label,
    formatNumber(m.rmse),
    formatNumber(m.r2, 4),
    formatPercent(m.directional_accuracy),
  ];
}

function intervalLine(s: TrainSummary): string {
  const cov = s.evaluation.validation.interval.coverage;
  const coverage = cov.defined
    ? `validation coverage ${formatPercent(cov.coverage)}`
    : "validation coverage n/a";
  return `  interval   ${intervalPhrase(s.evaluation.interval, s.evaluation.folds.embargo.gap)}; ${coverage}`;
}

/**
 * The human-readable end-of-training report: version, rows, validation metrics against the two
 * naive baselines, cross-validation mean ± std, and where the artifacts went.
 *
 * @example
 * process.stdout.write(renderTrainSummary(summary));
 */
export function renderTrainSummary(s: TrainSummary): string {
  const active = s.activated ? "active" : `not active; active is ${s.active_version ?? "none"}`;
  const head = [
    `Trained ${s.model_type} model ${s.version} (${active})`,
    `  data       ${s.data_source}: ${s.symbols.join(", ")}`,
    `  features   ${s.features.join(", ")} (lookback ${s.lookback})`,
    `  model      ${s.model_type} ${formatParams(s.hyperparameters)}`,
    `  rows       ${s.rows.total} = train ${s.rows.train} + validation ${s.rows.validation} (validation from ${s.cut_timestamp})`,
    "",
  ].join("\n");
  const table = renderTable(
    [
      { header: "validation" },
      { header: "RMSE", align: "right" },
      { header: "R²", align: "right" },
      { header: "direction", align: "right" },
    ],
    [
      metricRow("model", s.validation.model),
      metricRow("baseline: predict 0", s.validation.baseline_zero),
      metricRow("baseline: train mean", s.validation.baseline_mean),
      [
        `CV ${s.cv.folds} folds (mean ± std)`,
        formatMeanStd(s.cv.mean.rmse, s.cv.std.rmse),
        formatMeanStd(s.cv.mean.r2, s.cv.std.r2, (x) => formatNumber(x, 4)),
        formatMeanStd(s.cv.mean.directional_accuracy, s.cv.std.directional_accuracy, formatPercent),
      ],
    ],
  );
  const tail = [
    "",
    `  artifacts  ${s.path}`,
    `  registry   ${s.registry} (model ${s.model})`,
    `  dataset    sha256 ${s.dataset_hash}`,
    `  took       ${(s.duration_ms / 1000).toFixed(2)} s`,
    "",
    intervalLine(s),
    `verdict: ${s.verdict}`,
    "",
  ].join("\n");
  return `${head}\n${table}${tail}`;
}
