import { isModelKindName, kindOf, MODEL_KIND_NAMES } from "./kinds/table";
import {
  type ArtifactResiduals,
  type HyperparameterValue,
  LEGACY_RIDGE_FORMAT,
  LEGACY_RIDGE_FORMAT_VERSION,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelArtifact,
} from "./model";
import { parseFeatureSpec } from "./parse-feature-spec";
import { fail, finite, object } from "./parse-fields";

function residuals(v: unknown): ArtifactResiduals {
  const r = object(v, "residuals");
  const n = finite(r.n, "residuals.n");
  if (!Number.isInteger(n) || n < 0) fail("residuals.n", "an integer >= 0", r.n);
  const nonNegative = (key: "std" | "mae" | "target_std") => {
    const x = finite(r[key], `residuals.${key}`);
    if (x < 0) fail(`residuals.${key}`, "a number >= 0", x);
    return x;
  };
  const q = object(r.quantiles, "residuals.quantiles");
  const da = finite(r.directional_accuracy, "residuals.directional_accuracy");
  if (da < 0 || da > 1) fail("residuals.directional_accuracy", "a number in [0, 1]", da);
  return {
    n,
    mean: finite(r.mean, "residuals.mean"),
    std: nonNegative("std"),
    mae: nonNegative("mae"),
    quantiles: {
      q05: finite(q.q05, "residuals.quantiles.q05"),
      q50: finite(q.q50, "residuals.quantiles.q50"),
      q95: finite(q.q95, "residuals.quantiles.q95"),
    },
    target_std: nonNegative("target_std"),
    directional_accuracy: da,
  };
}

function hyperparameters(v: unknown): Record<string, HyperparameterValue> {
  const h = object(v, "hyperparameters");
  const out: Record<string, HyperparameterValue> = {};
  for (const [key, value] of Object.entries(h)) {
    const ok =
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value));
    if (!ok) fail(`hyperparameters.${key}`, "a finite number, a string or a boolean", value);
    out[key] = value;
  }
  return out;
}

/**
 * The `mle.ridge` v1 layout (ridge fields at the root) read as a v2 ridge envelope. The
 * numbers are copied unchanged, so predictions are bit-identical to the code that wrote it.
 */
function legacyRidge(root: Record<string, unknown>): ModelArtifact {
  const spec = parseFeatureSpec(root.feature_spec);
  const k = spec.features.length;
  const cols = root.feature_columns;
  if (!Array.isArray(cols) || cols.length !== k) {
    fail("feature_columns", `an array of ${k} names equal to feature_spec.features`, cols);
  }
  cols.forEach((c, i) => {
    if (c !== spec.features[i]) fail(`feature_columns[${i}]`, `"${spec.features[i]}"`, c);
  });
  const alpha = finite(root.alpha, "alpha");
  if (alpha < 0) fail("alpha", "a number >= 0", alpha);
  const body = kindOf("ridge").parseBody(
    { scaler: root.scaler, coefficients: root.coefficients, intercept: root.intercept },
    k,
  );
  return {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    kind: "ridge",
    feature_spec: spec,
    hyperparameters: { alpha },
    residuals: residuals(root.residuals),
    body,
  };
}

/**
 * Validates an untrusted `model.json` value (already `JSON.parse`d) field by field and returns a
 * clean copy holding only the known fields: the envelope here, the body by its kind's
 * `parseBody`. Never evaluates anything from the document. The v1 `mle.ridge` layout is read as
 * a ridge envelope.
 *
 * @throws TrainerError `INVALID_MODEL` whose `path` names the first field at fault.
 *
 * @example
 * ```ts
 * const artifact = parseModel(JSON.parse(await readFile("model.json", "utf8")));
 * loadModel(artifact).predictRow(latestFeatures);
 * ```
 */
export function parseModel(json: unknown): ModelArtifact {
  const root = object(json, "(root)");
  if (root.format === LEGACY_RIDGE_FORMAT) {
    if (root.format_version !== LEGACY_RIDGE_FORMAT_VERSION) {
      fail("format_version", `${LEGACY_RIDGE_FORMAT_VERSION}`, root.format_version);
    }
    return legacyRidge(root);
  }
  if (root.format !== MODEL_FORMAT) {
    fail("format", `"${MODEL_FORMAT}" (or the older "${LEGACY_RIDGE_FORMAT}")`, root.format);
  }
  if (root.format_version !== MODEL_FORMAT_VERSION) {
    fail("format_version", `${MODEL_FORMAT_VERSION}`, root.format_version);
  }
  if (!isModelKindName(root.kind)) {
    fail("kind", `one of ${MODEL_KIND_NAMES.join(", ")}`, root.kind);
  }
  const spec = parseFeatureSpec(root.feature_spec);
  return {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    kind: root.kind,
    feature_spec: spec,
    hyperparameters: hyperparameters(root.hyperparameters),
    residuals: residuals(root.residuals),
    body: kindOf(root.kind).parseBody(root.body, spec.features.length),
  } as ModelArtifact;
}
