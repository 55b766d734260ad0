import type { DesignData, RowRange } from "../../range";
import type { RowModel } from "../kind";
import type { XgboostBody } from "./body";

/** All trees' nodes in flat typed arrays (absolute child indices). */
interface FlatTrees {
  readonly base: number;
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly condition: Float32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly defaultLeft: Uint8Array;
}

function flatten(body: XgboostBody): FlatTrees {
  let total = 0;
  for (const t of body.trees) total += t.left_children.length;
  const f: FlatTrees = {
    base: Math.fround(body.base_score),
    roots: new Int32Array(body.trees.length),
    feature: new Int32Array(total),
    condition: new Float32Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    defaultLeft: new Uint8Array(total),
  };
  let o = 0;
  body.trees.forEach((t, k) => {
    f.roots[k] = o;
    for (let i = 0; i < t.left_children.length; i++) {
      const l = t.left_children[i]!;
      f.feature[o + i] = t.split_indices[i]!;
      f.condition[o + i] = t.split_conditions[i]!;
      f.left[o + i] = l < 0 ? -1 : o + l;
      f.right[o + i] = l < 0 ? -1 : o + t.right_children[i]!;
      f.defaultLeft[o + i] = t.default_left[i]!;
    }
    o += t.left_children.length;
  });
  return f;
}

/**
 * XGBoost's arithmetic: inputs are read as float32 (as a DMatrix stores them), a split sends
 * `x < condition` left and NaN in its default direction, and the prediction is
 * `base_score + leaf_0 + leaf_1 + …` accumulated in float32, in tree order. `Math.fround` of a
 * float64 sum of two float32 values is the float32 sum (float64 has more than twice the bits).
 */
export function xgboostModel(body: XgboostBody): RowModel {
  const { base, roots, feature, condition, left, right, defaultLeft } = flatten(body);
  const leaf = (x: ArrayLike<number>, o: number, root: number) => {
    let node = root;
    while (left[node]! >= 0) {
      const v = x[o + feature[node]!]!;
      const goLeft = Number.isNaN(v) ? defaultLeft[node] === 1 : Math.fround(v) < condition[node]!;
      node = goLeft ? left[node]! : right[node]!;
    }
    return condition[node]!;
  };
  return {
    predictRow(x) {
      let sum = base;
      for (let t = 0; t < roots.length; t++) sum = Math.fround(sum + leaf(x, 0, roots[t]!));
      return sum;
    },
    predictRange(data: Pick<DesignData, "X" | "cols">, range: RowRange, out?: Float64Array) {
      const rows = range.end - range.start;
      const result = out ?? new Float64Array(rows);
      result.fill(base, 0, rows);
      // Tree by tree (one tree's nodes stay in cache), each row adding in the same order as
      // predictRow, so both give the same bits.
      for (let t = 0; t < roots.length; t++) {
        const root = roots[t]!;
        for (let r = 0; r < rows; r++) {
          result[r] = Math.fround(result[r]! + leaf(data.X, (range.start + r) * data.cols, root));
        }
      }
      return result;
    },
  };
}
