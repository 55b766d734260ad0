/**
 * One regression tree as stored in `model.json`: parallel arrays indexed by node, root at 0,
 * children after their parent. A leaf has `left = right = -1` and its (shrunk) value; a split
 * node sends `x[feature] <= threshold` left, everything else (also NaN) right.
 */
export interface TreeBody {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/** The `model.json` body of a gbdt model. */
export interface GbdtBody {
  /** Starting prediction: the mean target of the fit rows. */
  base_score: number;
  trees: TreeBody[];
}
