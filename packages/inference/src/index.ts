/**
 * `@mle/inference`: predictions from the registry's active model, with the feature spec stored
 * with the model, single-flight fetches, a short TTL cache and hot model reload.
 * @module
 */
export { createPredictor } from "./predictor";
export { MODEL_CONTENT_CHECKS } from "./content-checks";
export {
  InferenceError,
  InferenceErrorCode,
  isInferenceError,
  NO_ACTIVE_MODEL_MESSAGE,
} from "./errors";
export type { InferenceErrorOptions } from "./errors";
export { toItemError } from "./item-error";
export type { ItemError } from "./item-error";
export { directionConfidence, predictionInterval } from "./confidence";
export type { IntervalMethod, PredictionInterval, ResidualStats } from "./confidence";
export { normalCdf } from "./normal-cdf";
/** The version artifact the served interval is read from (owned by @mle/trainer). */
export { EVALUATION_FILE } from "@mle/trainer";
export type { ModelSnapshot, RowPrediction } from "./snapshot";
export type {
  BatchItem,
  Prediction,
  PredictOptions,
  Predictor,
  PredictorOptions,
  PredictorStats,
  Readiness,
} from "./types";
