/**
 * How a protocol's model name (Open Inference `/v2/models/{name}`) selects a model of this
 * server. The one place that knows it, so named registry models plug in here.
 * @module
 */
import { ApiError } from "../errors/api-error";

/** The model served when a request names none; the only name a single-model registry has. */
export const DEFAULT_MODEL_NAME = "default";

/** Predictor options selecting a named model (none for `default`). */
export type ModelSelection = Record<never, never>;

/**
 * Resolves a protocol model name. Throws ApiError MODEL_NOT_FOUND for a name this server does not
 * serve.
 *
 * @example
 * ```ts
 * selectModel("default"); // {}
 * ```
 */
export function selectModel(name: string): ModelSelection {
  if (name === DEFAULT_MODEL_NAME) return {};
  throw new ApiError(
    "MODEL_NOT_FOUND",
    `Unknown model ${JSON.stringify(name.slice(0, 64))}; this server serves "${DEFAULT_MODEL_NAME}".`,
  );
}
