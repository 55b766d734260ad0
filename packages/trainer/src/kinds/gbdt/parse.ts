import { array, fail, finite, integer, object } from "../../parse-fields";
import type { GbdtBody, TreeBody } from "./tree";

/** Nodes per tree at most: a full tree of depth 16. */
export const MAX_TREE_NODES = 2 ** 17 - 1;
export const MAX_TREES = 10_000;

/**
 * Validates one tree: equal-length arrays, children after their parent (so every walk from the
 * root ends), features inside the model's columns, finite thresholds and values.
 */
export function parseTree(v: unknown, path: string, columns: number): TreeBody {
  const t = object(v, path);
  const feature = array(t.feature, `${path}.feature`, "an array of feature indices");
  const n = feature.length;
  if (n < 1 || n > MAX_TREE_NODES) fail(`${path}.feature`, `1 to ${MAX_TREE_NODES} nodes`, n);
  const same = (key: string) => {
    const a = array(t[key], `${path}.${key}`, `an array of ${n} numbers`);
    if (a.length !== n) fail(`${path}.${key}`, `${n} entries (one per node)`, a.length);
    return a;
  };
  const threshold = same("threshold");
  const left = same("left");
  const right = same("right");
  const value = same("value");
  const out: TreeBody = { feature: [], threshold: [], left: [], right: [], value: [] };
  for (let i = 0; i < n; i++) {
    const l = integer(left[i], `${path}.left[${i}]`, -1, n - 1);
    const r = integer(right[i], `${path}.right[${i}]`, -1, n - 1);
    const leaf = l === -1;
    if (leaf !== (r === -1)) fail(`${path}.right[${i}]`, "-1 exactly when left is -1", r);
    if (!leaf && (l <= i || r <= i || l === r)) {
      fail(`${path}.left[${i}]`, `two distinct children after node ${i}`, [l, r]);
    }
    out.left.push(l);
    out.right.push(r);
    out.feature.push(leaf ? -1 : integer(feature[i], `${path}.feature[${i}]`, 0, columns - 1));
    out.threshold.push(finite(threshold[i], `${path}.threshold[${i}]`));
    out.value.push(finite(value[i], `${path}.value[${i}]`));
  }
  return out;
}

/** Validates a gbdt body for a model of `columns` inputs. */
export function parseGbdtBody(body: unknown, columns: number): GbdtBody {
  const b = object(body, "body");
  const trees = array(b.trees, "body.trees", "an array of trees");
  if (trees.length > MAX_TREES) fail("body.trees", `at most ${MAX_TREES} trees`, trees.length);
  return {
    base_score: finite(b.base_score, "body.base_score"),
    trees: trees.map((t, i) => parseTree(t, `body.trees[${i}]`, columns)),
  };
}
