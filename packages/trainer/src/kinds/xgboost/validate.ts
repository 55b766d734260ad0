import type { z } from "zod";
import { TrainerError } from "../../errors";
import { type XgboostBody, type XgboostTree, XGBOOST_LIMITS } from "./body";
import { issuePath } from "./schema";

/** Parses with a zod schema; the first issue becomes `INVALID_MODEL` with its path. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string,
  document: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issuePath(prefix, issue.path);
  throw new TrainerError("INVALID_MODEL", `${document} ${path}: ${issue.message}`, {
    path,
    cause: parsed.error,
  });
}

/** Total node count over trees, refused above {@link XGBOOST_LIMITS}`.nodes`. */
export function checkNodeTotal(
  trees: readonly { left_children: readonly unknown[] }[],
  path: string,
  document: string,
) {
  let total = 0;
  for (const t of trees) total += t.left_children.length;
  if (total > XGBOOST_LIMITS.nodes) {
    throw new TrainerError(
      "INVALID_MODEL",
      `${document} ${path}: ${total} nodes in all, more than the ${XGBOOST_LIMITS.nodes} this build serves`,
      { path },
    );
  }
}

/**
 * Refuses a model whose float32 sum could overflow: `|base| + Σ max |leaf|` must stay a finite
 * float32, so every prediction is a finite number.
 */
export function checkSumBound(body: XgboostBody, document: string): void {
  let bound = Math.abs(body.base_score);
  for (const t of body.trees) bound += maxAbsLeaf(t);
  if (!Number.isFinite(Math.fround(bound))) {
    throw new TrainerError(
      "INVALID_MODEL",
      `${document} leaf values: base_score + the largest leaf of every tree overflows float32 (${bound})`,
      { path: "trees" },
    );
  }
}

function maxAbsLeaf(t: XgboostTree): number {
  let m = 0;
  for (let i = 0; i < t.left_children.length; i++) {
    if (t.left_children[i] === -1) m = Math.max(m, Math.abs(t.split_conditions[i]!));
  }
  return m;
}
