/**
 * How a protocol's model name (Open Inference `/v2/models/{name}`) selects a model of this
 * server: a registered model of the registry (`default` is the one trained when none is named).
 * The one place that knows it.
 * @module
 */
import type { Predictor } from "@mle/inference";
import { isModelName, type Registry } from "@mle/registry";
import { requirePredictor, requireRegistry } from "../context/predictor";
import type { RouteContext } from "../context/route-context";
import { ApiError } from "../errors/api-error";

/** The model served when a request names none. */
export const DEFAULT_MODEL_NAME = "default";

/** The predictor and registry handle of a protocol model name. */
export interface ModelSelection {
  readonly predictor: Predictor;
  readonly registry: Registry | undefined;
}

const unknown = (name: string) =>
  new ApiError("MODEL_NOT_FOUND", `Unknown model ${JSON.stringify(name.slice(0, 64))}.`);

/**
 * Resolves a protocol model name to a registered model. Throws ApiError MODEL_NOT_FOUND for a
 * name that is not a model name, or a model this server does not serve; a registered model with
 * nothing in it yet is unknown too (the protocol answers 404 for it, not 503).
 *
 * @example
 * ```ts
 * const { predictor } = await selectModel(ctx, "default");
 * ```
 */
export async function selectModel(ctx: RouteContext, name: string): Promise<ModelSelection> {
  if (!isModelName(name)) throw unknown(name);
  if (name === DEFAULT_MODEL_NAME) {
    return { predictor: requirePredictor(ctx), registry: ctx.registry };
  }
  const registry = requireRegistry(ctx, name);
  if ((await registry.list()).length === 0) throw unknown(name);
  return { predictor: requirePredictor(ctx, name), registry };
}
