import type { Outcome } from "@mle/evaluation";
import type { ForecastStatistics } from "./forecast-statistics";

/** Significance level of the verdict. */
export const SKILL_ALPHA = 0.05;

export interface Verdict {
  /** Evidence of skill over the zero forecast: Clark–West p < alpha on the validation split and on the pooled walk-forward folds. */
  readonly skill: boolean;
  /** Direction skill: Pesaran–Timmermann p < alpha on the validation split. */
  readonly direction_skill: boolean;
  readonly alpha: number;
  /** One line a person can act on. */
  readonly text: string;
}

function p(outcome: Outcome<{ readonly p_value: number }>): number | null {
  return outcome.defined ? outcome.p_value : null;
}

/** `0.003`, `0.41`, `< 0.001`; `n/a` for a statistic the data does not support. */
export function formatP(value: number | null): string {
  if (value === null) return "n/a";
  if (value < 0.001) return "< 0.001";
  return value < 0.1 ? value.toPrecision(2) : value.toFixed(2);
}

const eq = (v: number | null) => (v !== null && v < 0.001 ? "p < 0.001" : `p = ${formatP(v)}`);

/**
 * The verdict: skill needs Clark–West against the zero forecast significant on both the
 * validation split (the saved model) and the walk-forward folds (the procedure, more rows), so a
 * lucky validation stretch alone does not pass.
 */
export function verdictOf(
  validation: ForecastStatistics,
  walkForward: ForecastStatistics,
): Verdict {
  const cwVal = p(validation.zero.clark_west);
  const cwWf = p(walkForward.zero.clark_west);
  const dmVal = p(validation.zero.diebold_mariano_squared);
  const ptVal = p(validation.direction.pesaran_timmermann);
  const skill = cwVal !== null && cwWf !== null && cwVal < SKILL_ALPHA && cwWf < SKILL_ALPHA;
  const directionSkill = ptVal !== null && ptVal < SKILL_ALPHA;
  const direction = directionSkill
    ? `direction skill PT ${eq(ptVal)}`
    : `no direction skill (PT ${eq(ptVal)})`;
  const text = skill
    ? `beats the zero forecast (CW ${eq(cwVal)} validation, ${eq(cwWf)} walk-forward), ${direction}`
    : `no evidence of skill over the zero forecast (DM ${eq(dmVal)}, CW ${eq(cwVal)} validation; CW ${eq(cwWf)} walk-forward), ${direction}`;
  return { skill, direction_skill: directionSkill, alpha: SKILL_ALPHA, text };
}
