import { featureSpecJSON, isFeatureError, validateFeatureSpec } from "@mle/dataset";
import { TrainerError } from "./errors";
import type { ModelArtifact } from "./model";

/**
 * `feature_spec` of an untrusted model.json, checked by the one owner of spec validation
 * (`validateFeatureSpec` of @mle/features) and returned in its JSON form. A spec error becomes
 * `INVALID_MODEL` whose `path` names the field (`feature_spec.lookback`, `feature_spec.features[1]`).
 */
export function parseFeatureSpec(value: unknown): ModelArtifact["feature_spec"] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid("feature_spec", `expected an object, got ${shown(value)}`);
  }
  const raw = value as { lookback?: unknown; features?: unknown };
  if (!Array.isArray(raw.features) || raw.features.length === 0) {
    throw invalid(
      "feature_spec.features",
      `expected a non-empty array of column names, got ${shown(raw.features)}`,
    );
  }
  if (raw.features.some((f) => typeof f !== "string")) {
    throw invalid("feature_spec.features", "expected column names (strings)");
  }
  try {
    return featureSpecJSON(validateFeatureSpec(raw as { lookback?: number; features: string[] }));
  } catch (cause) {
    if (!isFeatureError(cause)) throw cause;
    const path =
      cause.field === "lookback" && cause.index === undefined
        ? "feature_spec.lookback"
        : cause.index !== undefined
          ? `feature_spec.features[${cause.index}]`
          : "feature_spec.features";
    throw invalid(path, cause.message, cause);
  }
}

function invalid(path: string, detail: string, cause?: unknown): TrainerError {
  return new TrainerError("INVALID_MODEL", `model.json ${path}: ${detail}`, { path, cause });
}

function shown(v: unknown): string {
  return v === undefined ? "nothing" : (JSON.stringify(v)?.slice(0, 60) ?? String(v));
}
