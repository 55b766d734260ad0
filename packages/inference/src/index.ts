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
export type { PredictionInterval, ResidualStats } from "./confidence";
export { normalCdf } from "./normal-cdf";
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
