/**
 * zod schemas of the parts of XGBoost's JSON model (`Booster.save_model("m.json")`, schema
 * `doc/model.schema` of XGBoost) that prediction reads. Everything else (gains, hessians,
 * attributes, the training configuration) passes through unread.
 * @module
 */
import { z } from "zod";
import { XGBOOST_LIMITS } from "./body";

/** XGBoost writes its parameters as strings: `"3"`. */
const count = z
  .string()
  .regex(/^[0-9]{1,10}$/, { error: "expected a count written as a string of digits" })
  .transform(Number);

/** `base_score`: `"5E-1"` (1.x) or `"[5E-1]"` (3.x writes one value per target). */
const scalar = z
  .string()
  .max(64)
  .transform((s, ctx) => {
    const inner = s.startsWith("[") && s.endsWith("]") ? s.slice(1, -1) : s;
    const v = inner.trim() === "" ? Number.NaN : Number(inner);
    if (!Number.isFinite(v) || !Number.isFinite(Math.fround(v))) {
      ctx.addIssue({ code: "custom", message: `expected a finite float32 number, got "${s}"` });
      return z.NEVER;
    }
    return v;
  });

const nodes = <T extends z.ZodType>(item: T) => z.array(item).max(XGBOOST_LIMITS.nodesPerTree);

export const xgboostHeaderSchema = z.looseObject({
  learner: z.looseObject({
    feature_names: z.array(z.string().max(256)).max(100_000).optional(),
    feature_types: z.array(z.string().max(64)).max(100_000).optional(),
    gradient_booster: z.looseObject({ name: z.string().max(64) }),
    learner_model_param: z.looseObject({
      base_score: scalar,
      num_feature: count,
      num_class: count.optional(),
      num_target: count.optional(),
    }),
    objective: z.looseObject({ name: z.string().max(64) }),
  }),
  version: z.array(z.number().int().min(0)).length(3).optional(),
});

export const xgboostTreeSchema = z.looseObject({
  left_children: nodes(z.number()),
  right_children: nodes(z.number()),
  split_indices: nodes(z.number()),
  split_conditions: nodes(z.number()),
  default_left: nodes(z.union([z.number(), z.boolean().transform(Number)])),
  split_type: nodes(z.number()).optional(),
  categories_nodes: nodes(z.number()).optional(),
  tree_param: z.looseObject({ num_nodes: count, size_leaf_vector: count.optional() }),
});

export const gbtreeSchema = z.looseObject({
  name: z.literal("gbtree"),
  model: z.looseObject({
    gbtree_model_param: z.looseObject({
      num_trees: count,
      num_parallel_tree: count.optional(),
      size_leaf_vector: count.optional(),
    }),
    tree_info: z.array(z.number().int()).max(XGBOOST_LIMITS.trees),
    trees: z.array(z.unknown()).max(XGBOOST_LIMITS.trees),
  }),
});

/** Our own body (`model.json`), strict: unknown keys are errors. */
export const xgboostBodySchema = z.strictObject({
  objective: z.literal("reg:squarederror"),
  base_score: z.number(),
  trees: z
    .array(
      z.strictObject({
        split_indices: nodes(z.number()),
        split_conditions: nodes(z.number()),
        left_children: nodes(z.number()),
        right_children: nodes(z.number()),
        default_left: nodes(z.number()),
      }),
    )
    .max(XGBOOST_LIMITS.trees),
});

/** `a.b[3].c` from a zod issue path. */
export function issuePath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : `${out === "" ? "" : "."}${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}
