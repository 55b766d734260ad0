/**
 * Model metadata and readiness under the Open Inference Protocol, taken from the served model's
 * feature spec.
 * @module
 */
import { isInferenceError, type ModelSnapshot, type Predictor } from "@mle/inference";
import type { Registry } from "@mle/registry";
import type { z } from "@hono/zod-openapi";
import type { ModelMetadataSchema } from "./schemas";
import { FEATURES_INPUT, OUTPUT_NAMES, SYMBOLS_INPUT } from "./tensor-names";
import type { InferTarget } from "./infer";

export type ModelMetadata = z.output<typeof ModelMetadataSchema>;

/** The protocol's `platform` (`<framework>_<format>`) for a model.json format: `mle.ridge` -> `mle_ridge`. */
export function platformOf(format: string): string {
  return format.replace(/[^A-Za-z0-9]+/g, "_");
}

/**
 * Metadata of the model version a request addresses: both accepted inputs (symbols, or feature
 * rows whose columns are listed in the tensor's `parameters.columns`) and every output.
 */
export function modelMetadata(
  name: string,
  snapshot: ModelSnapshot,
  versions: readonly string[],
): ModelMetadata {
  return {
    name,
    versions: [...versions],
    platform: platformOf(snapshot.format),
    inputs: [
      { name: SYMBOLS_INPUT, datatype: "BYTES", shape: [-1] },
      {
        name: FEATURES_INPUT,
        datatype: "FP64",
        shape: [-1, snapshot.columns.length],
        parameters: {
          columns: snapshot.columns.join(","),
          // a spec whose columns all carry their own parameters has no lookback
          ...(snapshot.lookback === undefined ? {} : { lookback: snapshot.lookback }),
        },
      },
    ],
    outputs: OUTPUT_NAMES.map((output) => ({ name: output, datatype: "FP64", shape: [-1] })),
  };
}

/** Loadable versions of the registry, oldest first (corrupt ones cannot be requested). */
export async function servableVersions(registry: Registry | undefined): Promise<string[]> {
  if (!registry) return [];
  const entries = await registry.list();
  return entries
    .filter((entry) => entry.status === "ok")
    .map((entry) => entry.version)
    .reverse();
}

/** Codes that mean "this model cannot serve now" (ready: false) rather than a bad request. */
const NOT_READY = new Set([
  "NO_ACTIVE_MODEL",
  "MODEL_CORRUPT",
  "INCOMPATIBLE_MODEL",
  "REGISTRY_IO",
]);

/**
 * Whether the addressed model can serve: without a version, the predictor's readiness (active
 * model loaded and verified); with one, whether that version loads. An unknown version still
 * throws (404).
 */
export async function modelReady(
  predictor: Predictor | null,
  target: InferTarget,
): Promise<boolean> {
  if (!predictor) return false;
  if (target.version === undefined) return (await predictor.readiness()).ready;
  try {
    await predictor.snapshot({ version: target.version });
    return true;
  } catch (error) {
    if (isInferenceError(error) && NOT_READY.has(error.code)) return false;
    throw error;
  }
}
