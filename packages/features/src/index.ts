/**
 * @module
 * Deterministic, dependency-free market features: a batch API over whole series
 * (`computeFeatures`, `computeFeatureRows`), an incremental one (`createFeatureStream`) that
 * agrees bit for bit, the spec of parameterised columns (`validateFeatureSpec`), the candles a
 * spec needs (`candlesNeeded`) and the one fetch → compute → last rows path (`fetchFeatures`).
 */
export type { Bar, CandleColumns, CandleField } from "./candle";
export { CANDLE_FIELDS } from "./candle";
export type { CandlesNeededOptions } from "./candles-needed";
export { candlesNeeded } from "./candles-needed";
export type { ColumnInput, FeatureColumn } from "./column";
export { columnName } from "./column";
export type { ComputedInto, ComputeIntoOptions } from "./compute";
export { computeFeatures, computeInto } from "./compute";
export type { FeatureDefinition, FeatureKernel } from "./definition";
export type { FeatureErrorOptions } from "./errors";
export { FeatureError, FeatureErrorCode, isFeatureError } from "./errors";
export { FEATURE_DEFINITIONS } from "./feature-definitions";
export type { FeatureWindow, FetchFeaturesOptions, TimedBar } from "./fetch";
export { fetchFeatures } from "./fetch";
export type { HistoryNeed } from "./history";
export { CONVERGENCE_FACTOR, MAX_CONVERGENCE_WARMUP } from "./history";
export type { FeatureName } from "./names";
export { DEFAULT_FEATURES, FEATURE_NAMES, isFeatureName } from "./names";
export type { ParamDefinition, Params } from "./params";
export { fieldsRead } from "./plan";
export type { FeatureRow } from "./rows";
export { computeFeatureRows, computeFeatureTable } from "./rows";
export type { ColumnEntry, ColumnsOf, FeatureSpec, FeatureSpecInput } from "./spec";
export {
  featureSpecJSON,
  isValidatedSpec,
  MAX_LOOKBACK,
  MIN_LOOKBACK,
  validateFeatureSpec,
  warmupLength,
} from "./spec";
export type { FeatureStream } from "./stream";
export { createFeatureStream } from "./stream";
export type { FeatureTable } from "./table";
