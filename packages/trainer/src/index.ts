/**
 * @module
 * Standardized ridge regression solved from the k×k normal equations, metrics against naive
 * baselines, walk-forward training and the plain-data `model.json` format.
 */
export { isTrainerError, TrainerError, TrainerErrorCode } from "./errors";
export type { TrainerErrorOptions } from "./errors";
export { aggregateMetrics, regressionMetrics } from "./metrics";
export type { RegressionMetrics } from "./metrics";
export { MODEL_FORMAT, MODEL_FORMAT_VERSION, modelView, toModelArtifact } from "./model";
export type { ModelArtifact } from "./model";
export { resolveTrainOptions } from "./options";
export type { TrainOptions, TrainProgress } from "./options";
export { parseModel } from "./parse-model";
export { predictRange, predictRow } from "./predict";
export type { LinearModelLike, ScaledModelLike } from "./predict";
export type { DesignData, RowRange } from "./range";
export { quantileSorted, residualStats } from "./residuals";
export type { ResidualStats } from "./residuals";
export { fitRidge } from "./ridge";
export type { RidgeModel, RidgeOptions } from "./ridge";
export { MIN_RECIPROCAL_CONDITION } from "./solve";
export type { SingularPolicy } from "./solve";
export { train } from "./train";
export type { FoldMetrics, MetricsReport, MetricsSet, TrainResult } from "./train";
