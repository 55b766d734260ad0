import type { Registry } from "@mle/registry";
import { type HyperparameterValue, MODEL_KINDS, parseModel } from "@mle/trainer";

/** What `/model/{version}` says about a version's model kind, from its model.json. */
export interface ModelKindInfo {
  readonly kind: string | null;
  /** The kind's one-line description from the trainer's table. */
  readonly kind_summary: string | null;
  readonly hyperparameters: Record<string, HyperparameterValue> | null;
}

const NONE: ModelKindInfo = { kind: null, kind_summary: null, hyperparameters: null };

/**
 * Reads the kind and hyperparameters of a verified version (model.json through `parseModel`, so
 * an old `mle.ridge` file reports `ridge` too). A corrupt version, or a model.json this build
 * cannot read, reports nulls: the rest of the details still describe it.
 */
export async function modelKindInfo(
  registry: Registry,
  version: string,
  status: string,
): Promise<ModelKindInfo> {
  if (status !== "ok") return NONE;
  try {
    const artifact = parseModel((await registry.load(version)).model);
    return {
      kind: artifact.kind,
      kind_summary: MODEL_KINDS[artifact.kind].summary,
      hyperparameters: artifact.hyperparameters,
    };
  } catch {
    return NONE;
  }
}
