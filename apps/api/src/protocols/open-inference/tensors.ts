/**
 * Validates the input tensor of an inference request: a BYTES `[N]` tensor of symbols or an FP64
 * `[N, k]` tensor of feature rows. Every failure is ApiError VALIDATION_ERROR with a message that
 * says what was expected, which the protocol answers as `400 {"error": "..."}`.
 * @module
 */
import { ApiError } from "../../errors/api-error";
import {
  isOutputName,
  type OutputName,
  DEFAULT_OUTPUTS,
  FEATURES_INPUT,
  OUTPUT_NAMES,
  SYMBOLS_INPUT,
} from "./tensor-names";
import type { InferenceRequest } from "./schemas";

/** Most rows (symbols or feature rows) one request may carry. */
export const MAX_INFER_ROWS = 1000;

/** The validated input: symbols, or a row-major matrix of `rows` × `columns` finite numbers. */
export type InferInput =
  | { readonly kind: "symbols"; readonly symbols: readonly string[] }
  | { readonly kind: "features"; readonly rows: number; readonly matrix: Float64Array };

type RequestInput = InferenceRequest["inputs"][number];

function invalid(message: string): ApiError {
  return new ApiError("VALIDATION_ERROR", message);
}

/**
 * Flattens natural-shape (nested) tensor data to its row-major elements, at most as deep as the
 * shape (a hostile, deeply nested body then fails the element check instead of the stack).
 */
function flatten(input: RequestInput): unknown[] {
  const data = input.data as unknown[];
  return data.some(Array.isArray) ? data.flat(Math.max(0, input.shape.length - 1)) : data;
}

function elementCount(input: RequestInput, data: readonly unknown[]): void {
  const expected = input.shape.reduce((a, b) => a * b, 1);
  if (data.length !== expected) {
    throw invalid(
      `input "${input.name}" has shape [${input.shape.join(", ")}] (${expected} elements) but ${data.length} data elements`,
    );
  }
}

function rowCount(input: RequestInput): number {
  const rows = input.shape[0] ?? 0;
  if (rows < 1 || rows > MAX_INFER_ROWS) {
    throw invalid(`input "${input.name}" must have 1 to ${MAX_INFER_ROWS} rows, got ${rows}`);
  }
  return rows;
}

function parseSymbols(input: RequestInput): InferInput {
  if (input.datatype !== "BYTES") {
    throw invalid(`input "${SYMBOLS_INPUT}" must have datatype BYTES, got ${input.datatype}`);
  }
  if (input.shape.length !== 1 && !(input.shape.length === 2 && input.shape[1] === 1)) {
    throw invalid(`input "${SYMBOLS_INPUT}" must have shape [N] (or [N, 1])`);
  }
  rowCount(input);
  const data = flatten(input);
  elementCount(input, data);
  const symbols = data.map((value, i) => {
    if (typeof value !== "string")
      throw invalid(`input "${SYMBOLS_INPUT}" element ${i} is not a string`);
    return value;
  });
  return { kind: "symbols", symbols };
}

function parseFeatures(input: RequestInput, columns: readonly string[]): InferInput {
  const k = columns.length;
  if (input.datatype !== "FP64") {
    throw invalid(`input "${FEATURES_INPUT}" must have datatype FP64, got ${input.datatype}`);
  }
  if (input.shape.length !== 2 || input.shape[1] !== k) {
    throw invalid(
      `input "${FEATURES_INPUT}" must have shape [N, ${k}] (columns ${columns.join(", ")}), got [${input.shape.join(", ")}]`,
    );
  }
  const rows = rowCount(input);
  const data = flatten(input);
  elementCount(input, data);
  const matrix = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    // JSON cannot say NaN, but 1e999 parses to Infinity.
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw invalid(
        `input "${FEATURES_INPUT}" row ${Math.floor(i / k)} column ${columns[i % k]} is not a finite number`,
      );
    }
    matrix[i] = value;
  }
  return { kind: "features", rows, matrix };
}

/**
 * Reads the one input tensor of a request; `columns` are the served model's feature columns.
 *
 * @example
 * ```ts
 * parseInferInput([{ name: "symbols", shape: [1], datatype: "BYTES", data: ["AAPL"] }], columns);
 * // { kind: "symbols", symbols: ["AAPL"] }
 * ```
 */
export function parseInferInput(
  inputs: readonly RequestInput[],
  columns: readonly string[],
): InferInput {
  const [input] = inputs;
  if (input === undefined || inputs.length !== 1) {
    throw invalid(
      `expected exactly one input tensor, "${SYMBOLS_INPUT}" (BYTES [N]) or "${FEATURES_INPUT}" (FP64 [N, ${columns.length}]), got ${inputs.length}`,
    );
  }
  if (input.name === SYMBOLS_INPUT) return parseSymbols(input);
  if (input.name === FEATURES_INPUT) return parseFeatures(input, columns);
  throw invalid(
    `unknown input "${input.name.slice(0, 64)}"; this model takes "${SYMBOLS_INPUT}" or "${FEATURES_INPUT}"`,
  );
}

/** The outputs a request asks for (default: predictions), each once, in the order asked. */
export function requestedOutputs(outputs: InferenceRequest["outputs"]): OutputName[] {
  if (outputs === undefined || outputs.length === 0) return [...DEFAULT_OUTPUTS];
  const names: OutputName[] = [];
  for (const { name } of outputs) {
    if (!isOutputName(name)) {
      throw invalid(
        `unknown output "${name.slice(0, 64)}"; outputs are ${OUTPUT_NAMES.join(", ")}`,
      );
    }
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
