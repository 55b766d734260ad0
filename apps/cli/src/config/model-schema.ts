import { kindOf, type ModelSpec, TRAINABLE_KIND_NAMES, type TrainableKindName } from "@mle/trainer";
import { z } from "zod";

/** A trainable kind with every hyperparameter filled in, as the config holds it. */
export type ModelConfig = ModelSpec & { readonly type: TrainableKindName };

const kindList = TRAINABLE_KIND_NAMES.map((name) => `"${name}"`).join(", ");

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

// One strict variant per trainable kind of the trainer's table: `type` plus that kind's own
// hyperparameter fields (their ranges, defaults and messages come from the table).
const variants = TRAINABLE_KIND_NAMES.map((name) =>
  z.strictObject(
    { type: z.literal(name), ...kindOf(name).params.fields },
    { error: `expected a mapping with type and the ${name} hyperparameters` },
  ),
);

/**
 * `model:` of the training config: a union discriminated by `type` over the trainer's
 * `MODEL_KINDS` (trainable ones). A missing `type` means ridge, as before model kinds existed;
 * a missing section is `{ type: ridge }` with its defaults.
 *
 * @example
 * modelConfigSchema.parse({ type: "gbdt", n_trees: 200 }); // { type: "gbdt", n_trees: 200, max_depth: 6, ... }
 */
export const modelConfigSchema = z
  .preprocess(
    (v) => (isRecord(v) && v.type === undefined ? { type: "ridge", ...v } : v),
    z.discriminatedUnion("type", variants as unknown as [(typeof variants)[number]], {
      error: (issue) =>
        isRecord(issue.input) || issue.input === undefined
          ? `expected type to be one of ${kindList}`
          : "expected a mapping with type and its hyperparameters",
    }),
  )
  .prefault({ type: "ridge" }) as unknown as z.ZodType<ModelConfig, unknown>;
