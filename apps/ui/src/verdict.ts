import { pick } from "./format";

/**
 * The evaluation verdict of a version, as one short label, when the server reports one
 * (`evaluation.verdict` as a string, or an object with a `text`, `label`, `status` or `summary`).
 */
export function verdictOf(details: unknown): string | null {
  const v = pick(details, "evaluation", "verdict");
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    for (const key of ["text", "label", "status", "summary", "verdict"]) {
      const s = (v as Record<string, unknown>)[key];
      if (typeof s === "string") return s;
    }
  }
  return null;
}

/** 1 - rmse(model) / rmse(zero baseline) on validation: positive when the model beats predicting 0. */
export function skillVsZero(metrics: unknown): number | null {
  const m = pick(metrics, "validation", "model", "rmse");
  const z = pick(metrics, "validation", "baseline_zero", "rmse");
  return typeof m === "number" && typeof z === "number" && z > 0 ? 1 - m / z : null;
}
