import { EvaluationError } from "./errors";
import { alignedSeries, type Forecast, finiteSeries, forecastAt } from "./input";
import { notDefined, type Outcome } from "./result";
import { studentTCdf, studentTSf } from "./special/distributions";

/** Loss functions the Diebold–Mariano test compares. */
export const DM_LOSSES = ["squared", "absolute"] as const;
export type DmLoss = (typeof DM_LOSSES)[number];

export interface DieboldMariano {
  readonly n: number;
  readonly loss: DmLoss;
  /** Mean of d_t = L(model error) − L(baseline error); negative when the model's loss is lower. */
  readonly mean_loss_difference: number;
  /** HLN-corrected statistic, compared with t(n − 1). */
  readonly statistic: number;
  /** Two-sided p-value: equal expected loss vs different. */
  readonly p_value: number;
  /** One-sided p-value for "the model's expected loss is lower than the baseline's". */
  readonly p_value_less: number;
}

const LOSS: Record<DmLoss, (e: number) => number> = {
  squared: (e) => e * e,
  absolute: (e) => Math.abs(e),
};

/**
 * Diebold & Mariano (1995) test of equal predictive accuracy for one-step forecasts (h = 1)
 * with the Harvey, Leybourne & Newbold (1997) small-sample correction:
 * `d_t = L(y_t − ŷ_t) − L(y_t − b_t)`, `DM = d̄ / sqrt(γ₀ / n)` with `γ₀ = (1/n) Σ (d_t − d̄)²`,
 * `DM* = DM · sqrt((n + 1 − 2h + h(h − 1)/n) / n) = DM · sqrt((n − 1) / n)`, p-values from
 * Student's t with n − 1 degrees of freedom (as R's `forecast::dm.test`).
 *
 * Not defined for fewer than 2 rows or when d_t is the same on every row (zero variance:
 * identical forecasts, or ties throughout).
 *
 * @example
 * ```ts
 * const dm = dieboldMariano(actual, predicted, 0, { loss: "squared" });
 * if (dm.defined && dm.p_value_less < 0.05) console.log("lower squared loss than the zero forecast");
 * ```
 */
export function dieboldMariano(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  baseline: Forecast,
  options: { readonly loss?: DmLoss } = {},
): Outcome<DieboldMariano> {
  const loss = options.loss ?? "squared";
  if (!DM_LOSSES.includes(loss)) {
    throw new EvaluationError("INVALID_OPTIONS", `loss must be one of ${DM_LOSSES.join(", ")}`, {
      path: "loss",
    });
  }
  const n = finiteSeries(actual, "actual");
  alignedSeries(predicted, n, "predicted");
  const base = forecastAt(baseline, n, "baseline");
  if (n < 2) return notDefined("TOO_SHORT", "Diebold–Mariano needs at least 2 rows", n);
  const L = LOSS[loss];
  const d = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    d[i] = L(y - predicted[i]!) - L(y - base(i));
    sum += d[i]!;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i]! - mean) ** 2;
  const gamma0 = ss / n;
  if (!(gamma0 > 0)) {
    return notDefined(
      "ZERO_VARIANCE",
      "the loss difference is the same on every row (identical forecasts or ties)",
      n,
    );
  }
  const raw = mean / Math.sqrt(gamma0 / n);
  const statistic = raw * Math.sqrt((n - 1) / n);
  const df = n - 1;
  return {
    defined: true,
    n,
    loss,
    mean_loss_difference: mean,
    statistic,
    p_value: Math.min(1, 2 * studentTSf(Math.abs(statistic), df)),
    p_value_less: studentTCdf(statistic, df),
  };
}
