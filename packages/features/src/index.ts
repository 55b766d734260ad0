/**
 * @module
 * Deterministic, dependency-free market features: a batch API over whole series
 * (`computeFeatures`, `computeFeatureRows`) and an incremental one (`createFeatureStream`) that
 * agree bit for bit.
 */
export { computeFeatures } from "./compute";
export type { FeatureDefinition, FeatureKernel } from "./definition";
export { FeatureError, FeatureErrorCode, isFeatureError } from "./errors";
export type { FeatureErrorOptions } from "./errors";
export { DEFAULT_FEATURES, FEATURE_NAMES, isFeatureName } from "./names";
export type { FeatureName } from "./names";
export { FEATURE_DEFINITIONS } from "./feature-definitions";
export { computeFeatureRows } from "./rows";
export type { FeatureRow } from "./rows";
export {
  MAX_LOOKBACK,
  MIN_LOOKBACK,
  validateFeatureSpec,
  warmupLength,
} from "./spec";
export type { FeatureSpec, FeatureSpecInput } from "./spec";
export { createFeatureStream } from "./stream";
export type { FeatureStream } from "./stream";
export type { FeatureTable } from "./table";
