import { TrainerError } from "../errors";
import type { ParamSpec } from "./params";
import {
  isTrainableKindName,
  kindOf,
  type ParamsOf,
  TRAINABLE_KIND_NAMES,
  type TrainableKindName,
} from "./table";

/** A kind and (some of) its hyperparameters, as a caller gives them: `{ type: "gbdt", n_trees: 200 }`. */
export type ModelSpec = {
  [K in TrainableKindName]: { readonly type: K } & Readonly<Partial<ParamsOf<K>>>;
}[TrainableKindName];

/** A validated kind with every hyperparameter filled in (declaration order). */
export interface ResolvedModelSpec {
  readonly type: TrainableKindName;
  readonly params: Readonly<Record<string, number>>;
}

/**
 * Validates a model spec against its kind's schema and fills the defaults.
 *
 * @throws TrainerError `INVALID_OPTIONS`; `path` is `prefix` + the key (`model.n_trees`).
 */
export function resolveModelSpec(spec: unknown, prefix = "model."): ResolvedModelSpec {
  if (typeof spec !== "object" || spec === null) {
    throw new TrainerError("INVALID_OPTIONS", `model must be an object with a type`, {
      path: "model",
    });
  }
  const { type, ...rest } = spec as Record<string, unknown>;
  if (!isTrainableKindName(type)) {
    throw new TrainerError(
      "INVALID_OPTIONS",
      `model.type must be one of ${TRAINABLE_KIND_NAMES.join(", ")}, got ${String(type)}`,
      { path: "model.type" },
    );
  }
  const kind = kindOf(type);
  const parsed = kind.params.schema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key =
      issue.path.length > 0
        ? issue.path.join(".")
        : String((issue as { keys?: string[] }).keys?.[0] ?? "");
    const known = Object.keys(kind.params.specs as Record<string, ParamSpec>).join(", ");
    const message =
      issue.code === "unrecognized_keys"
        ? `${prefix}${key} is not a ${type} hyperparameter (known: ${known})`
        : `${prefix}${key} must be ${issue.message.replace(/^expected /, "")}`;
    throw new TrainerError("INVALID_OPTIONS", message, { path: `${prefix}${key}` });
  }
  return { type, params: parsed.data as Record<string, number> };
}
