import { BIN_STRIDE, buildHistogram, type HistogramPool, subtractHistogram } from "./histogram";
import type { TreeBody } from "./tree";

/** What growing one tree reads. Rows are local indices into `bins` / `grad`. */
export interface GrowInput {
  readonly bins: Uint8Array;
  readonly cols: number;
  /** Thresholds per feature; feature j has `thresholds[j].length + 1` bins. */
  readonly thresholds: readonly Float64Array[];
  /** Gradient of the squared loss per row: `prediction - y` (the hessian is 1). */
  readonly grad: Float64Array;
  /** The rows this tree is grown on, reordered in place into leaf segments. */
  readonly rows: Uint32Array;
  readonly scratch: Uint32Array;
  readonly pool: HistogramPool;
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly lambda: number;
  readonly minSplitGain: number;
  readonly learningRate: number;
}

/** A grown tree and, per leaf, the segment of `rows` that reached it. */
export interface GrownTree {
  readonly tree: TreeBody;
  /** Per node, the bin of its split (`bins <= splitBin` go left); -1 at leaves. */
  readonly splitBin: readonly number[];
  readonly leaves: ReadonlyArray<{ node: number; start: number; end: number }>;
}

interface OpenNode {
  readonly id: number;
  readonly start: number;
  readonly end: number;
  /** Null at the last level: those nodes become leaves without looking for a split. */
  readonly hist: Float64Array | null;
  readonly g: number;
}

interface Split {
  feature: number;
  bin: number;
  gain: number;
}

function bestSplit(node: OpenNode, input: GrowInput): Split | null {
  const { cols, thresholds, minSamplesLeaf, lambda } = input;
  if (node.hist === null) return null;
  const n = node.end - node.start;
  if (n < 2 * minSamplesLeaf) return null;
  const parentScore = (node.g * node.g) / (n + lambda);
  let best: Split | null = null;
  const h = node.hist;
  for (let j = 0; j < cols; j++) {
    const last = thresholds[j]!.length; // bins 0..last; a split after bin b < last
    let gl = 0;
    let nl = 0;
    const base = j * BIN_STRIDE;
    for (let b = 0; b < last; b++) {
      const idx = (base + b) << 1;
      gl += h[idx]!;
      nl += h[idx + 1]!;
      if (nl < minSamplesLeaf) continue;
      const nr = n - nl;
      if (nr < minSamplesLeaf) break;
      const gr = node.g - gl;
      const gain = (gl * gl) / (nl + lambda) + (gr * gr) / (nr + lambda) - parentScore;
      // Strictly greater: ties keep the lowest feature, then the lowest bin (deterministic).
      if (gain > input.minSplitGain && (best === null || gain > best.gain)) {
        best = { feature: j, bin: b, gain };
      }
    }
  }
  return best;
}

/** Stable in-place partition of `rows[start..end)`: bin <= `bin` first. Returns the cut. */
function partition(input: GrowInput, start: number, end: number, feature: number, bin: number) {
  const { rows, scratch, bins, cols } = input;
  let l = start;
  let r = 0;
  for (let p = start; p < end; p++) {
    const row = rows[p]!;
    if (bins[row * cols + feature]! <= bin) rows[l++] = row;
    else scratch[r++] = row;
  }
  rows.set(scratch.subarray(0, r), l);
  return l;
}

function sumGrad(grad: Float64Array, rows: Uint32Array, start: number, end: number): number {
  let s = 0;
  for (let p = start; p < end; p++) s += grad[rows[p]!]!;
  return s;
}

/**
 * Grows one tree depth-wise (level by level) on `rows[0..nRows)`: at each open node the split
 * of largest gain `GL²/(nL+λ) + GR²/(nR+λ) − G²/(n+λ)` over every feature and bin boundary,
 * with both children holding at least `minSamplesLeaf` rows. Leaves get
 * `−learningRate · G / (n + λ)`. The smaller child's histogram is built from its rows, the
 * larger one's by subtraction from the parent.
 */
export function growTree(input: GrowInput, nRows: number): GrownTree {
  const { bins, cols, grad, rows, pool, thresholds } = input;
  const tree: TreeBody = { feature: [], threshold: [], left: [], right: [], value: [] };
  const leaves: Array<{ node: number; start: number; end: number }> = [];
  const splitBin: number[] = [];
  const addNode = () => {
    splitBin.push(-1);
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    return tree.feature.length - 1;
  };
  const makeLeaf = (node: OpenNode) => {
    const n = node.end - node.start;
    const v = (-input.learningRate * node.g) / (n + input.lambda);
    // -0 would print as 0 and parse back as +0: store +0 so saved bits equal in-memory bits.
    tree.value[node.id] = v === 0 ? 0 : v;
    leaves.push({ node: node.id, start: node.start, end: node.end });
    if (node.hist) pool.give(node.hist);
  };

  const rootHist = pool.take();
  buildHistogram(rootHist, bins, cols, grad, rows, 0, nRows);
  let level: OpenNode[] = [
    { id: addNode(), start: 0, end: nRows, hist: rootHist, g: sumGrad(grad, rows, 0, nRows) },
  ];
  // maxDepth >= 1, so the root always has a histogram.
  for (let depth = 0; level.length > 0; depth++) {
    const next: OpenNode[] = [];
    for (const node of level) {
      const split = bestSplit(node, input);
      if (split === null) {
        makeLeaf(node);
        continue;
      }
      const cut = partition(input, node.start, node.end, split.feature, split.bin);
      const leftId = addNode();
      const rightId = addNode();
      tree.feature[node.id] = split.feature;
      splitBin[node.id] = split.bin;
      tree.threshold[node.id] = thresholds[split.feature]![split.bin]!;
      tree.left[node.id] = leftId;
      tree.right[node.id] = rightId;
      const leftSmaller = cut - node.start <= node.end - cut;
      const [s0, s1] = leftSmaller ? [node.start, cut] : [cut, node.end];
      const gSmall = sumGrad(grad, rows, s0, s1);
      const gLarge = node.g - gSmall;
      const parentHist = node.hist!;
      let small: Float64Array | null = null;
      let large: Float64Array | null = null;
      if (depth + 1 < input.maxDepth) {
        small = pool.take();
        large = pool.take();
        buildHistogram(small, bins, cols, grad, rows, s0, s1);
        subtractHistogram(large, parentHist, small);
      }
      pool.give(parentHist);
      const [lh, rh] = leftSmaller ? [small, large] : [large, small];
      const [lg, rg] = leftSmaller ? [gSmall, gLarge] : [gLarge, gSmall];
      next.push({ id: leftId, start: node.start, end: cut, hist: lh, g: lg });
      next.push({ id: rightId, start: cut, end: node.end, hist: rh, g: rg });
    }
    level = next;
  }
  return { tree, splitBin, leaves };
}
