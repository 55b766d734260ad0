/**
 * @module
 * Labeled, leak-free datasets from market candles: next-step return targets, pooled symbols in
 * time order, a global chronological split and walk-forward folds, and a content-hashed summary.
 */
export { buildDataset } from "./build";
export { embargoFor, embargoWithGap } from "./embargo";
export type { Embargo } from "./embargo";
export { DatasetError, DatasetErrorCode, isDatasetError } from "./errors";
export type { DatasetErrorOptions } from "./errors";
export { walkForwardFolds } from "./folds";
export type { WalkForwardOptions } from "./folds";
export { datasetHash } from "./hash";
export { chronologicalSplit } from "./split";
export type { ChronologicalSplit } from "./split";
export { summarizeDataset } from "./summary";
export type { ColumnStats, DatasetSummary } from "./summary";
export { formatTimestamp, parseTimestamp } from "./timestamp";
export type { ColumnarSeries, Dataset, Fold, PriceSeries, RowRange, SymbolStats } from "./types";
export {
  DEFAULT_FEATURES,
  FEATURE_NAMES,
  featureSpecJSON,
  isFeatureError,
  isFeatureName,
  validateFeatureSpec,
} from "@mle/features";
export type { FeatureName, FeatureSpec, FeatureSpecInput } from "@mle/features";
