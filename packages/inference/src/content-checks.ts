/**
 * What the registry should check of a model's content beyond its hash, so a version whose
 * model.json is intact but unusable (a NaN or infinite coefficient, lengths that disagree with the
 * spec, `__proto__` keys, an unknown feature) is listed as corrupt with the reason and never served
 * or aliased, rather than failing at the first request.
 * @module
 */
import { validateFeatureSpec } from "@mle/features";
import type { ContentChecks } from "@mle/registry";
import { loadModel } from "@mle/trainer";

/** The path of the first `__proto__` key (an own key of a parsed JSON object), or null. */
function protoKeyPath(value: unknown, path: string, depth: number): string | null {
  if (typeof value !== "object" || value === null || depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = protoKeyPath(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key === "__proto__") return `${path}.__proto__`;
    const found = protoKeyPath(
      (value as Record<string, unknown>)[key],
      `${path}.${key}`,
      depth + 1,
    );
    if (found) return found;
  }
  return null;
}

function modelJsonProblem(value: unknown): string | null {
  const proto = protoKeyPath(value, "$", 0);
  if (proto) return `holds a __proto__ key at ${proto} (refused: it would rewrite prototypes)`;
  try {
    const model = loadModel(value);
    validateFeatureSpec(model.artifact.feature_spec);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Pass to `openRegistry(location, { contentChecks: MODEL_CONTENT_CHECKS })`.
 *
 * @example
 * ```ts
 * const registry = openRegistry("artifacts/models", { contentChecks: MODEL_CONTENT_CHECKS });
 * ```
 */
export const MODEL_CONTENT_CHECKS: ContentChecks = Object.freeze({
  "model.json": modelJsonProblem,
});
