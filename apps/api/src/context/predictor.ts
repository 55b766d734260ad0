/**
 * The predictor and registry behind the model and predict routes, as the routes need them: a
 * server without them has no model, which is the API's own NO_ACTIVE_MODEL (503).
 * @module
 */
import { NO_ACTIVE_MODEL_MESSAGE, type Predictor } from "@mle/inference";
import type { Registry } from "@mle/registry";
import { ApiError } from "../errors/api-error";
import type { RouteContext } from "./route-context";

/**
 * The predictor of `model` (default: the default model); a server without one has no model
 * (NO_ACTIVE_MODEL, 503), an unknown name is MODEL_NOT_FOUND.
 */
export function requirePredictor(ctx: RouteContext, model?: string): Predictor {
  if (model !== undefined && ctx.models) return ctx.models.predictor(model);
  if (!ctx.predictor) throw new ApiError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
  return ctx.predictor;
}

/** The registry handle of `model` (default: the default model); NO_ACTIVE_MODEL without one. */
export function requireRegistry(ctx: RouteContext, model?: string): Registry {
  if (model !== undefined && ctx.models) return ctx.models.registry(model);
  if (!ctx.registry) throw new ApiError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
  return ctx.registry;
}
