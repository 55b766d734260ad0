/**
 * The tensors this server's models take and produce under the Open Inference Protocol: one table
 * read by the metadata, the input parser and the output builder.
 * @module
 */

/** A BYTES `[N]` tensor of symbols: the server fetches candles and computes the features. */
export const SYMBOLS_INPUT = "symbols";
/** An FP64 `[N, k]` tensor of feature rows in the model's column order. */
export const FEATURES_INPUT = "features";

/** Output tensors, all FP64 `[N]`; only `predictions` unless others are asked for. */
export const OUTPUTS = {
  predictions: "Predicted next-period simple return.",
  prediction_lower: "Lower bound of the 90% prediction interval.",
  prediction_upper: "Upper bound of the 90% prediction interval.",
  confidence: "Probability that the realised return has the predicted sign.",
} as const;

export type OutputName = keyof typeof OUTPUTS;
export const OUTPUT_NAMES = Object.keys(OUTPUTS) as OutputName[];
export const DEFAULT_OUTPUTS: readonly OutputName[] = ["predictions"];

export function isOutputName(name: string): name is OutputName {
  return Object.hasOwn(OUTPUTS, name);
}
