import { type FeatureName, isFeatureName } from "@mle/dataset";
import { TrainerError } from "./errors";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelArtifact } from "./model";

type Obj = Record<string, unknown>;

function fail(path: string, expected: string, got: unknown): never {
  const shown = got === undefined ? "nothing" : (JSON.stringify(got)?.slice(0, 60) ?? String(got));
  throw new TrainerError(
    "INVALID_MODEL",
    `model.json ${path}: expected ${expected}, got ${shown}`,
    {
      path,
    },
  );
}

function object(v: unknown, path: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(path, "an object", v);
  return v as Obj;
}

function finite(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(path, "a finite number", v);
  return v;
}

function numbers(v: unknown, path: string, length: number, positive = false): number[] {
  if (!Array.isArray(v)) fail(path, `an array of ${length} numbers`, v);
  if (v.length !== length) fail(path, `${length} numbers (one per feature column)`, v);
  return v.map((x, i) => {
    const n = finite(x, `${path}[${i}]`);
    if (positive && !(n > 0)) fail(`${path}[${i}]`, "a number > 0", x);
    return n;
  });
}

function residuals(v: unknown): ModelArtifact["residuals"] {
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

/**
 * Validates an untrusted `model.json` value (already `JSON.parse`d) field by field and returns a
 * clean copy holding only the known fields. Never evaluates anything from the document.
 *
 * @throws TrainerError `INVALID_MODEL` whose `path` names the first field at fault.
 *
 * @example
 * ```ts
 * const model = parseModel(JSON.parse(await readFile("model.json", "utf8")));
 * predictRow(model, latestFeatures);
 * ```
 */
export function parseModel(json: unknown): ModelArtifact {
  const root = object(json, "(root)");
  if (root.format !== MODEL_FORMAT) fail("format", `"${MODEL_FORMAT}"`, root.format);
  if (root.format_version !== MODEL_FORMAT_VERSION) {
    fail("format_version", `${MODEL_FORMAT_VERSION}`, root.format_version);
  }
  const spec = object(root.feature_spec, "feature_spec");
  const lookback = finite(spec.lookback, "feature_spec.lookback");
  if (!Number.isInteger(lookback) || lookback < 1) {
    fail("feature_spec.lookback", "an integer >= 1", spec.lookback);
  }
  if (!Array.isArray(spec.features) || spec.features.length === 0) {
    fail("feature_spec.features", "a non-empty array of feature names", spec.features);
  }
  const features: FeatureName[] = spec.features.map((f, i) => {
    if (typeof f !== "string" || !isFeatureName(f)) {
      fail(`feature_spec.features[${i}]`, "a known feature name", f);
    }
    return f;
  });
  if (new Set(features).size !== features.length) {
    fail("feature_spec.features", "distinct feature names", spec.features);
  }
  const k = features.length;
  const cols = root.feature_columns;
  if (!Array.isArray(cols) || cols.length !== k) {
    fail("feature_columns", `an array of ${k} names equal to feature_spec.features`, cols);
  }
  const featureColumns = cols.map((c, i) => {
    if (c !== features[i]) fail(`feature_columns[${i}]`, `"${features[i]}"`, c);
    return c as string;
  });
  const scaler = object(root.scaler, "scaler");
  const alpha = finite(root.alpha, "alpha");
  if (alpha < 0) fail("alpha", "a number >= 0", alpha);
  return {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    feature_spec: { lookback, features },
    feature_columns: featureColumns,
    scaler: {
      means: numbers(scaler.means, "scaler.means", k),
      scales: numbers(scaler.scales, "scaler.scales", k, true),
    },
    coefficients: numbers(root.coefficients, "coefficients", k),
    intercept: finite(root.intercept, "intercept"),
    alpha,
    residuals: residuals(root.residuals),
  };
}
