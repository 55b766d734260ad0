/**
 * @module
 * Model kinds (ridge, gbdt, imported xgboost) behind one table, metrics against naive baselines,
 * walk-forward training and the plain-data `model.json` envelope.
 */
export { confidenceCalibration, servedConfidence } from "./evaluation/confidence-calibration";
export type { BaselineComparison, ForecastStatistics } from "./evaluation/forecast-statistics";
export { forecastStatistics } from "./evaluation/forecast-statistics";
export {
  INTERVAL_LEVEL,
  intervalOffsets,
  intervalStatistics,
  servedInterval,
} from "./evaluation/interval";
export type { IntervalStatistics, ServedInterval } from "./evaluation/interval";
export { collectOutOfSample, SCALE_FEATURE } from "./evaluation/out-of-sample";
export type {
  OutOfSamplePart,
  OutOfSamplePredictions,
  OutOfSampleSet,
} from "./evaluation/out-of-sample";
export { EVALUATION_FORMAT, EVALUATION_FORMAT_VERSION, evaluateRun } from "./evaluation/report";
export { EVALUATION_FILE, parseServedInterval } from "./evaluation/served-interval-schema";
export type { EvaluationInput, EvaluationReport } from "./evaluation/report";
export { formatP, SKILL_ALPHA, verdictOf } from "./evaluation/verdict";
export { requireSkill, skillEvidence } from "./evaluation/require-skill";
export type { SkillEvidence } from "./evaluation/require-skill";
export type { Verdict } from "./evaluation/verdict";
export type { TrainerErrorOptions } from "./errors";
export { isTrainerError, TrainerError, TrainerErrorCode } from "./errors";
export type {
  AnyModelKind,
  FitContext,
  FitProgress,
  ImportedBody,
  ModelKind,
  RowModel,
  TrainableModelKind,
} from "./kinds/kind";
export type { ModelSpec, ResolvedModelSpec } from "./kinds/model-spec";
export { resolveModelSpec } from "./kinds/model-spec";
export type { ParamSpec, ParamTable } from "./kinds/params";
export { defineParams, describeRange, paramDefaults } from "./kinds/params";
export type { RidgeModel, RidgeOptions } from "./kinds/ridge/fit";
export { fitRidge } from "./kinds/ridge/fit";
export type { RidgeBody } from "./kinds/ridge/kind";
export type { LinearModelLike, ScaledModelLike } from "./kinds/ridge/predict";
export { predictRange, predictRow } from "./kinds/ridge/predict";
export type { SingularPolicy } from "./kinds/ridge/solve";
export { MIN_RECIPROCAL_CONDITION } from "./kinds/ridge/solve";
export type { BodyOf, ModelKindName, ParamsOf, TrainableKindName } from "./kinds/table";
export {
  IMPORTABLE_KIND_NAMES,
  isModelKindName,
  isTrainableKindName,
  kindOf,
  MODEL_KIND_NAMES,
  MODEL_KINDS,
  TRAINABLE_KIND_NAMES,
} from "./kinds/table";
export type { XgboostBody, XgboostTree } from "./kinds/xgboost/body";
export { XGBOOST_LIMITS } from "./kinds/xgboost/body";
export type { XgboostImport } from "./kinds/xgboost/import";
export { importXgboost } from "./kinds/xgboost/import";
export type { LoadedModel } from "./load-model";
export { loadModel } from "./load-model";
export type { RegressionMetrics } from "./metrics";
export { aggregateMetrics, regressionMetrics } from "./metrics";
export type { ArtifactResiduals, HyperparameterValue, ModelArtifact, ModelEnvelope } from "./model";
export {
  LEGACY_RIDGE_FORMAT,
  LEGACY_RIDGE_FORMAT_VERSION,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  toModelArtifact,
} from "./model";
export type { TrainOptions, TrainProgress } from "./options";
export { resolveTrainOptions } from "./options";
export { parseModel } from "./parse-model";
export {
  PREDICTIONS_DIGITS,
  PREDICTIONS_FILE,
  PREDICTIONS_FORMAT,
  PREDICTIONS_FORMAT_VERSION,
  predictionsArtifact,
} from "./predictions-artifact";
export type { PredictionsArtifact } from "./predictions-artifact";
export type { DesignData, RowRange } from "./range";
export type { ResidualStats } from "./residuals";
export { quantileSorted, residualStats } from "./residuals";
export type { FoldMetrics, MetricsReport, MetricsSet, TrainResult } from "./train";
export { train } from "./train";
