import { TrainerError } from "../../errors";
import { checkRange, type DesignData, type RowRange } from "../../range";
import type { FitContext } from "../kind";
import { binRows, fitThresholds } from "./bins";
import { growTree } from "./grow";
import { BIN_STRIDE, HistogramPool } from "./histogram";
import type { GbdtParams } from "./params";
import { mulberry32 } from "./random";
import type { GbdtBody, TreeBody } from "./tree";

/** A gbdt fit with its learning curves (one entry per tree grown, before truncation). */
export interface GbdtFit {
  readonly body: GbdtBody;
  /** Mean squared error on the fit rows after each tree. */
  readonly trainLoss: number[];
  /** Mean squared error on the early-stopping tail after each tree (empty when off). */
  readonly tailLoss: number[];
  /** Rows the trees were grown on and rows held out as the tail. */
  readonly fitRows: number;
  readonly tailRows: number;
}

function checkFinite(data: DesignData, range: RowRange): void {
  const { X, y, cols } = data;
  for (let i = range.start; i < range.end; i++) {
    if (!Number.isFinite(y[i]!)) {
      throw new TrainerError("INVALID_DATA", `target of row ${i} is not a finite number`);
    }
    for (let j = 0; j < cols; j++) {
      if (!Number.isFinite(X[i * cols + j]!)) {
        throw new TrainerError("INVALID_DATA", `column ${j} of row ${i} is not a finite number`);
      }
    }
  }
}

/**
 * Adds one tree's leaf value to `pred[i]` for local rows `i` in `[from, to)` by binned
 * traversal, skipping rows with `skip[i] === 1` (those already got it from their leaf segment).
 */
function addByTraversal(
  grown: { tree: TreeBody; splitBin: readonly number[] },
  bins: Uint8Array,
  cols: number,
  pred: Float64Array,
  from: number,
  to: number,
  skip: Uint8Array | null,
) {
  const { feature, left, right, value } = grown.tree;
  const { splitBin } = grown;
  for (let r = from; r < to; r++) {
    if (skip !== null && skip[r] === 1) continue;
    let node = 0;
    while (left[node]! >= 0) {
      node = bins[r * cols + feature[node]!]! <= splitBin[node]! ? left[node]! : right[node]!;
    }
    pred[r]! += value[node]!;
  }
}

function mse(y: Float64Array, offset: number, pred: Float64Array, from: number, to: number) {
  let s = 0;
  for (let i = from; i < to; i++) {
    const e = y[offset + i]! - pred[i]!;
    s += e * e;
  }
  return to > from ? s / (to - from) : 0;
}

/**
 * Histogram gradient boosting for squared loss on rows `range` of `data`. Bins come from the
 * fit rows only; with early stopping on, the latest `early_stopping_fraction` of the range is
 * the tail the stopping rule watches (never the caller's validation rows, which are outside
 * `range`) and the model keeps the trees up to the best tail loss. Deterministic: same data,
 * params and seed give the same body.
 *
 * @throws TrainerError `INSUFFICIENT_ROWS`, `INVALID_DATA`, `INVALID_OPTIONS` (bad range).
 *
 * @example
 * ```ts
 * const { body } = fitGbdt(ds, split.train, { ...paramDefaults(gbdtParams), n_trees: 200 }, ctx);
 * ```
 */
export function fitGbdt(
  data: DesignData,
  range: RowRange,
  p: GbdtParams,
  ctx: Pick<FitContext, "seed" | "onProgress">,
): GbdtFit {
  checkRange(data, range);
  const { X, y, cols } = data;
  const n = range.end - range.start;
  const stopping = p.early_stopping_rounds > 0;
  const nFit = stopping ? Math.floor(n * (1 - p.early_stopping_fraction)) : n;
  if (nFit < 2 || (stopping && n - nFit < 1)) {
    throw new TrainerError(
      "INSUFFICIENT_ROWS",
      `gbdt needs at least 2 fit rows${stopping ? " and 1 early-stopping row" : ""}, got ${n} rows`,
    );
  }
  checkFinite(data, range);
  const start = range.start;
  const thresholds = fitThresholds(X, cols, start, start + nFit, p.max_bins);
  const bins = binRows(X, cols, start, range.end, thresholds);

  let base = 0;
  for (let i = 0; i < nFit; i++) base += y[start + i]!;
  base /= nFit;
  const pred = new Float64Array(n).fill(base);
  const grad = new Float64Array(nFit);
  const rows = new Uint32Array(nFit);
  const scratch = new Uint32Array(nFit);
  const inTree = new Uint8Array(nFit);
  const pool = new HistogramPool(cols * BIN_STRIDE * 2);
  const random = mulberry32(ctx.seed);
  const trees: TreeBody[] = [];
  const trainLoss: number[] = [];
  const tailLoss: number[] = [];
  let best = 0;
  const every = Math.max(1, Math.ceil(p.n_trees / 10));

  for (let t = 0; t < p.n_trees; t++) {
    let m = 0;
    inTree.fill(0);
    for (let i = 0; i < nFit; i++) {
      if (p.subsample >= 1 || random() < p.subsample) {
        rows[m++] = i;
        inTree[i] = 1;
      }
    }
    if (m === 0) {
      // A tiny subsample drew nothing: grow on every row rather than skip the round.
      for (let i = 0; i < nFit; i++) rows[m++] = i;
      inTree.fill(1);
    }
    for (let i = 0; i < nFit; i++) grad[i] = pred[i]! - y[start + i]!;
    const grown = growTree(
      {
        bins,
        cols,
        thresholds,
        grad,
        rows,
        scratch,
        pool,
        maxDepth: p.max_depth,
        minSamplesLeaf: p.min_samples_leaf,
        lambda: p.l2_leaf_reg,
        minSplitGain: p.min_split_gain,
        learningRate: p.learning_rate,
      },
      m,
    );
    for (const leaf of grown.leaves) {
      const v = grown.tree.value[leaf.node]!;
      for (let q = leaf.start; q < leaf.end; q++) pred[rows[q]!]! += v;
    }
    if (m < nFit) addByTraversal(grown, bins, cols, pred, 0, nFit, inTree);
    addByTraversal(grown, bins, cols, pred, nFit, n, null);
    trees.push(grown.tree);
    trainLoss.push(mse(y, start, pred, 0, nFit));
    if ((t + 1) % every === 0 || t + 1 === p.n_trees) {
      ctx.onProgress({
        iteration: t + 1,
        iterations: p.n_trees,
        message: `tree ${t + 1}/${p.n_trees}: train mse ${trainLoss[t]!.toPrecision(4)}`,
      });
    }
    if (stopping) {
      tailLoss.push(mse(y, start, pred, nFit, n));
      if (tailLoss[t]! < tailLoss[best]!) best = t;
      if (t - best >= p.early_stopping_rounds) break;
    }
  }
  const kept = stopping ? trees.slice(0, best + 1) : trees;
  return {
    body: { base_score: base, trees: kept },
    trainLoss,
    tailLoss,
    fitRows: nFit,
    tailRows: n - nFit,
  };
}
