import { defineParams } from "../params";

/** gbdt hyperparameters; names follow XGBoost's where one exists (`max_depth`, `subsample`). */
export const gbdtParams = defineParams({
  n_trees: {
    type: "integer",
    default: 100,
    min: 1,
    max: 10_000,
    summary: "boosting rounds (trees), the most kept when early stopping is on",
  },
  max_depth: {
    type: "integer",
    default: 6,
    min: 1,
    max: 16,
    summary: "depth of each tree (depth-wise growth)",
  },
  learning_rate: {
    type: "number",
    default: 0.1,
    min: 0,
    minExclusive: true,
    max: 1,
    summary: "shrinkage applied to every leaf value",
  },
  min_samples_leaf: {
    type: "integer",
    default: 20,
    min: 1,
    max: 1_000_000,
    summary: "fewest training rows in a leaf",
  },
  l2_leaf_reg: {
    type: "number",
    default: 1,
    min: 0,
    max: 1e6,
    summary: "L2 penalty on leaf values (XGBoost's lambda)",
  },
  min_split_gain: {
    type: "number",
    default: 0,
    min: 0,
    summary: "a split must reduce the loss by more than this (XGBoost's gamma)",
  },
  subsample: {
    type: "number",
    default: 1,
    min: 0,
    minExclusive: true,
    max: 1,
    summary: "share of rows each tree is grown on, drawn with the seeded PRNG",
  },
  max_bins: {
    type: "integer",
    default: 256,
    min: 2,
    max: 256,
    summary: "quantile bins per feature, chosen on the fit rows only",
  },
  early_stopping_rounds: {
    type: "integer",
    default: 0,
    min: 0,
    max: 10_000,
    summary: "stop after this many trees without improving the inner tail's loss (0 = off)",
  },
  early_stopping_fraction: {
    type: "number",
    default: 0.1,
    min: 0,
    minExclusive: true,
    max: 0.5,
    summary: "latest share of the fit rows held out for early stopping (when it is on)",
  },
});

export type GbdtParams = {
  readonly [K in keyof typeof gbdtParams.specs]: number;
};
