import { fail } from "../../parse-fields";
import type { XgboostBody } from "./body";
import { shortestFloat32 } from "./float32";
import { xgboostBodySchema } from "./schema";
import { compactTree } from "./tree";
import { checkNodeTotal, checkSumBound, parseWith } from "./validate";

const SAME = {
  left: "left_children",
  right: "right_children",
  feature: "split_indices",
  condition: "split_conditions",
  defaultLeft: "default_left",
} as const;

/**
 * Validates an `xgboost` body from `model.json` for `columns` inputs, with the same tree checks
 * as the import (one entry per node, children in range, no node reached twice, features below
 * `columns`, finite float32 numbers, no overflowing sum); returns it in canonical form.
 */
export function parseXgboostBody(body: unknown, columns: number): XgboostBody {
  const b = parseWith(xgboostBodySchema, body, "body", "model.json");
  checkNodeTotal(b.trees, "body.trees", "model.json");
  const out: XgboostBody = {
    objective: b.objective,
    base_score: b.base_score,
    trees: b.trees.map((t, i) =>
      compactTree(
        {
          left: t.left_children,
          right: t.right_children,
          feature: t.split_indices,
          condition: t.split_conditions,
          defaultLeft: t.default_left,
        },
        columns,
        `body.trees[${i}]`,
        SAME,
        "model.json",
      ),
    ),
  };
  const base = Math.fround(out.base_score);
  if (!Number.isFinite(base)) fail("body.base_score", "a finite float32 number", out.base_score);
  out.base_score = shortestFloat32(base);
  checkSumBound(out, "model.json");
  return out;
}
