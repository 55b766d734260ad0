/**
 * The predictor and registry behind the model and predict routes, as the routes need them: a
 * server without them has no model, which is the API's own NO_ACTIVE_MODEL (503).
 * @module
 */
import { NO_ACTIVE_MODEL_MESSAGE, type Predictor } from "@mle/inference";
import type { Registry } from "@mle/registry";
import { ApiError } from "../errors/api-error";
import type { RouteContext } from "./route-context";

/** The app's predictor; a server without one has no model (NO_ACTIVE_MODEL, 503). */
export function requirePredictor(ctx: RouteContext): Predictor {
  if (!ctx.predictor) throw new ApiError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
  return ctx.predictor;
}

/** The app's registry; a server without one has no model (NO_ACTIVE_MODEL, 503). */
export function requireRegistry(ctx: RouteContext): Registry {
  if (!ctx.registry) throw new ApiError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
  return ctx.registry;
}
