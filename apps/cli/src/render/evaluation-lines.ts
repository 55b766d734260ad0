/**
 * The evaluation as a person reads it: the served interval in one phrase (shared by `mle train`
 * and `mle models show`) and the key statistics of a stored `evaluation.json`.
 * @module
 */
import {
  EVALUATION_FORMAT,
  type EvaluationReport,
  formatP,
  type ServedInterval,
  skillEvidence,
} from "@mle/trainer";
import { formatNumber, formatPercent } from "./format";

/** `90 % split-conformal ± 1.71 × rolling_volatility (3250 walk-forward test rows, embargo 21)`. */
export function intervalPhrase(interval: ServedInterval, embargoGap: number): string {
  if (interval.method !== "split-conformal") {
    return `90 % from validation residual quantiles (${interval.reason})`;
  }
  const width = interval.scale_feature
    ? `${formatNumber(interval.quantile, 3)} × ${interval.scale_feature}`
    : formatNumber(interval.quantile);
  return `90 % split-conformal ± ${width} (${interval.calibration_size} walk-forward test rows, embargo ${embargoGap})`;
}

type Outcome = { readonly defined: boolean; readonly p_value?: number };
/** `p = 0.069`, `p < 0.001`, `p = n/a`. */
const p = (o: Outcome): string => {
  const value = o.defined && o.p_value !== undefined ? o.p_value : null;
  return value !== null && value < 0.001 ? "p < 0.001" : `p = ${formatP(value)}`;
};

/** A stored evaluation this build can render in full (the version-1 report the trainer writes). */
function isReport(value: unknown): value is EvaluationReport {
  const e = value as { format?: unknown; format_version?: unknown; interval?: unknown } | null;
  return (
    e?.format === EVALUATION_FORMAT && e.format_version === 1 && typeof e.interval === "object"
  );
}

/**
 * `mle models show`'s evaluation block: the verdict, then (for a report this build reads) the
 * p-values behind it, the interval with its validation coverage tests and confidence calibration.
 *
 * @example
 * lines.push(...evaluationLines(details.files["evaluation.json"]));
 */
export function evaluationLines(evaluation: unknown): string[] {
  const verdict = `verdict     ${skillEvidence(evaluation ?? undefined).text}`;
  if (!isReport(evaluation)) return [verdict];
  const { validation: v, walk_forward: wf } = evaluation;
  const pt = v.direction.pesaran_timmermann;
  const r2 = v.zero.oos_r2;
  const cov = v.interval.coverage;
  const band = v.interval.band_99;
  const cal = v.confidence_calibration;
  const coverage = cov.defined
    ? `validation coverage ${formatPercent(cov.coverage)} (${cov.covered}/${cov.n}${band ? `, 99 % band ${band.lower}–${band.upper}` : ""}), Kupiec ${p(v.interval.kupiec)}, Christoffersen ${p(v.interval.christoffersen)}`
    : "validation coverage n/a";
  return [
    verdict,
    `vs zero     CW ${p(v.zero.clark_west)} validation (n ${v.n}), ${p(wf.zero.clark_west)} walk-forward (n ${wf.n}); DM ${p(v.zero.diebold_mariano_squared)}; OOS R² ${r2.defined ? formatNumber(r2.r2, 3) : "n/a"}`,
    `direction   PT ${p(pt)}${pt.defined ? ` (hit rate ${formatPercent(pt.hit_rate)})` : ""}`,
    `interval    ${intervalPhrase(evaluation.interval, evaluation.folds.embargo.gap)}`,
    `coverage    ${coverage}`,
    `confidence  ${cal.defined ? `ECE ${formatNumber(cal.ece, 3)}, Brier ${formatNumber(cal.brier, 4)}, mean ${formatNumber(cal.mean_probability, 3)} vs hit rate ${formatNumber(cal.hit_rate, 3)}` : "calibration n/a"}`,
  ];
}
