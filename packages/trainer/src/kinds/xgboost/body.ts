/**
 * The `model.json` body of an imported XGBoost model: XGBoost's own node arrays (same names),
 * without what prediction does not read (gains, hessians, parents, deleted nodes), nodes in
 * preorder from the root, numbers as the shortest decimal of their float32 value.
 *
 * A split node `i` sends `x[split_indices[i]]` (as float32) `< split_conditions[i]` to
 * `left_children[i]`, a larger value to `right_children[i]`, and a missing value (NaN) left when
 * `default_left[i] = 1`. A leaf has `left_children = right_children = -1`, `split_indices = 0`,
 * `default_left = 0`, and its value (learning rate applied) in `split_conditions`, as in XGBoost.
 */
export interface XgboostTree {
  split_indices: number[];
  split_conditions: number[];
  left_children: number[];
  right_children: number[];
  default_left: number[];
}

export interface XgboostBody {
  /** Objective the model was trained with (only `reg:squarederror` is served). */
  objective: "reg:squarederror";
  /** Starting margin, a float32 value (`learner_model_param.base_score`). */
  base_score: number;
  trees: XgboostTree[];
}

/** Limits on what an imported file may hold (far above real models, far below memory trouble). */
export const XGBOOST_LIMITS = {
  /** Trees in one model. */
  trees: 100_000,
  /** Nodes in one tree: a full tree of depth 20. */
  nodesPerTree: 2 ** 21 - 1,
  /** Nodes over all trees (about 100 MB of typed arrays at most). */
  nodes: 5_000_000,
} as const;
