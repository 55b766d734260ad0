import { gbdtKind } from "./gbdt/kind";
import type { AnyModelKind } from "./kind";
import { ridgeKind } from "./ridge/kind";
import { xgboostKind } from "./xgboost/kind";

/**
 * Every model kind this build knows. The trainer, the CLI config and flags, serving, the API's
 * `/model/{version}` and the docs read this table and nothing else.
 */
export const MODEL_KINDS = {
  ridge: ridgeKind,
  gbdt: gbdtKind,
  xgboost: xgboostKind,
} as const satisfies Record<string, AnyModelKind>;

type Kinds = typeof MODEL_KINDS;
/** Name of a kind in {@link MODEL_KINDS}. */
export type ModelKindName = keyof Kinds;
/** Kinds that `train()` can fit (the others are imported). */
export type TrainableKindName = {
  [K in ModelKindName]: Kinds[K] extends { fit: (...args: never[]) => unknown } ? K : never;
}[ModelKindName];
/** Resolved hyperparameters of a kind. */
export type ParamsOf<K extends ModelKindName> = Kinds[K] extends { params: { specs: infer S } }
  ? { [P in keyof S]: number }
  : never;
/** The artifact body of a kind. */
export type BodyOf<K extends ModelKindName> = ReturnType<Kinds[K]["parseBody"]>;

/** Names of every kind, in table order. */
export const MODEL_KIND_NAMES = Object.keys(MODEL_KINDS) as ModelKindName[];
/** Names of the kinds `train()` can fit, in table order. */
export const TRAINABLE_KIND_NAMES = MODEL_KIND_NAMES.filter(
  (name) => (MODEL_KINDS[name] as AnyModelKind).fit !== undefined,
) as TrainableKindName[];

/** Names of the kinds made from another tool's model file (`importFile`), in table order. */
export const IMPORTABLE_KIND_NAMES = MODEL_KIND_NAMES.filter(
  (name) => (MODEL_KINDS[name] as AnyModelKind).importFile !== undefined,
);

export function isModelKindName(name: unknown): name is ModelKindName {
  return typeof name === "string" && Object.hasOwn(MODEL_KINDS, name);
}

export function isTrainableKindName(name: unknown): name is TrainableKindName {
  return isModelKindName(name) && (MODEL_KINDS[name] as AnyModelKind).fit !== undefined;
}

/** The kind of a name, as the generic interface. */
export function kindOf(name: ModelKindName): AnyModelKind {
  return MODEL_KINDS[name];
}
