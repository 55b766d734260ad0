import type { DesignData, RowRange } from "../../range";
import type { RowModel } from "../kind";

/** The nodes of trees `[lo, hi)` in flat typed arrays (absolute child indices), for fast traversal. */
export interface FlatForest {
  readonly base: number;
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

export interface TreeArrays {
  readonly feature: readonly number[];
  readonly threshold: readonly number[];
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly value: readonly number[];
}

/** Packs trees (node arrays, children local to each tree) into one flat forest. */
export function flatten(base: number, trees: readonly TreeArrays[]): FlatForest {
  let total = 0;
  for (const t of trees) total += t.feature.length;
  const f: FlatForest = {
    base,
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
  };
  let o = 0;
  trees.forEach((t, k) => {
    f.roots[k] = o;
    for (let i = 0; i < t.feature.length; i++) {
      f.feature[o + i] = t.feature[i]!;
      f.threshold[o + i] = t.threshold[i]!;
      f.left[o + i] = t.left[i]! < 0 ? -1 : o + t.left[i]!;
      f.right[o + i] = t.right[i]! < 0 ? -1 : o + t.right[i]!;
      f.value[o + i] = t.value[i]!;
    }
    o += t.feature.length;
  });
  return f;
}

/**
 * `base + Σ_trees leaf(x)`, summed in tree order in float64: the same additions, in the same
 * order, as training's running predictions, so a saved model predicts its training rows to the bit.
 */
export function forestModel(f: FlatForest): RowModel {
  const { base, roots, feature, threshold, left, right, value } = f;
  const at = (x: ArrayLike<number>, o: number) => {
    let sum = base;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t]!;
      while (left[node]! >= 0) {
        node = x[o + feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
      }
      sum += value[node]!;
    }
    return sum;
  };
  return {
    predictRow: (x) => at(x, 0),
    predictRange(data: Pick<DesignData, "X" | "cols">, range: RowRange, out?: Float64Array) {
      const result = out ?? new Float64Array(range.end - range.start);
      const { X, cols } = data;
      const rows = range.end - range.start;
      result.fill(base, 0, rows);
      // Tree by tree, so one tree's nodes stay in cache; each row still adds base, tree 0,
      // tree 1, ... in that order, so every value is bit-identical to predictRow.
      for (let t = 0; t < roots.length; t++) {
        const root = roots[t]!;
        for (let r = 0; r < rows; r++) {
          const o = (range.start + r) * cols;
          let node = root;
          while (left[node]! >= 0) {
            node = X[o + feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
          }
          result[r]! += value[node]!;
        }
      }
      return result;
    },
  };
}
