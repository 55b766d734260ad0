import { TrainerError } from "../../errors";
import { fail as failField } from "../../parse-fields";
import { type XgboostTree, XGBOOST_LIMITS } from "./body";
import { shortestFloat32 } from "./float32";

/** Node arrays of one tree as read from a file (any node order, maybe deleted nodes). */
export interface RawTree {
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly feature: readonly number[];
  readonly condition: readonly number[];
  readonly defaultLeft: readonly number[];
}

function float32(v: number, path: string, document: string): number {
  const f = Math.fround(v);
  if (!Number.isFinite(f)) failField(path, "a finite float32 number", v, document);
  return shortestFloat32(f);
}

/**
 * Checks one tree and rewrites it in preorder from the root, keeping only reachable nodes
 * (XGBoost keeps pruned nodes in the arrays as deleted). Every array must have one entry per
 * node; children must be in range, both present or both -1; a walk from the root must never
 * reach a node twice (a cycle or a shared child would make prediction loop or lie); split
 * features must be below `columns`; numbers must be finite as float32.
 *
 * `path` names the tree in messages (`trees[3]`), `names` maps each array to the field name of
 * the format read and `document` names the document (`model.json`, `XGBoost model`).
 *
 * @throws TrainerError `INVALID_MODEL`, or `FEATURE_MISMATCH` for a split on a column >= `columns`.
 */
export function compactTree(
  raw: RawTree,
  columns: number,
  path: string,
  names: Readonly<Record<keyof RawTree, string>>,
  document: string,
): XgboostTree {
  const fail = (at: string, expected: string, got: unknown): never =>
    failField(at, expected, got, document);
  const n = raw.left.length;
  if (n < 1 || n > XGBOOST_LIMITS.nodesPerTree) {
    fail(`${path}.${names.left}`, `1 to ${XGBOOST_LIMITS.nodesPerTree} nodes`, n);
  }
  for (const key of ["right", "feature", "condition", "defaultLeft"] as const) {
    if (raw[key].length !== n)
      fail(`${path}.${names[key]}`, `${n} entries (one per node)`, raw[key].length);
  }
  const out: XgboostTree = {
    split_indices: [],
    split_conditions: [],
    left_children: [],
    right_children: [],
    default_left: [],
  };
  const seen = new Uint8Array(n);
  // Explicit stack of (old node, slot in the parent that points at it): preorder, left first.
  const stack: Array<[node: number, parent: number, side: 0 | 1]> = [[0, -1, 0]];
  while (stack.length > 0) {
    const [node, parent, side] = stack.pop()!;
    if (seen[node] === 1) {
      fail(
        `${path}.${names.left}`,
        "a tree (a node reached twice: a cycle or a shared child)",
        node,
      );
    }
    seen[node] = 1;
    const at = out.left_children.length;
    if (parent >= 0) (side === 0 ? out.left_children : out.right_children)[parent] = at;
    const l = raw.left[node]!;
    const r = raw.right[node]!;
    for (const [child, key] of [
      [l, "left"],
      [r, "right"],
    ] as const) {
      if (!Number.isInteger(child) || child < -1 || child >= n) {
        fail(`${path}.${names[key]}[${node}]`, `-1 or a node index below ${n}`, child);
      }
    }
    if ((l === -1) !== (r === -1)) {
      fail(`${path}.${names.right}[${node}]`, "-1 exactly when the left child is -1", r);
    }
    const condition = float32(
      raw.condition[node]!,
      `${path}.${names.condition}[${node}]`,
      document,
    );
    out.split_conditions.push(condition);
    out.left_children.push(-1);
    out.right_children.push(-1);
    if (l === -1) {
      out.split_indices.push(0);
      out.default_left.push(0);
      continue;
    }
    const f = raw.feature[node]!;
    if (!Number.isInteger(f) || f < 0)
      fail(`${path}.${names.feature}[${node}]`, "a feature index >= 0", f);
    if (f >= columns) {
      throw new TrainerError(
        "FEATURE_MISMATCH",
        `${path}.${names.feature}[${node}] splits on input ${f}, but the feature spec has ${columns} columns`,
        { path: `${path}.${names.feature}[${node}]` },
      );
    }
    const d = raw.defaultLeft[node]!;
    if (d !== 0 && d !== 1) fail(`${path}.${names.defaultLeft}[${node}]`, "0 or 1", d);
    out.split_indices.push(f);
    out.default_left.push(d);
    stack.push([r, at, 1], [l, at, 0]);
  }
  return out;
}
