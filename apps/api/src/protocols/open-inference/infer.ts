/**
 * Runs an Open Inference Protocol request against the predictor: symbols go through the same
 * `predictBatch` path as `POST /predict/batch` (so `/infer` equals `/predict` for one version),
 * feature rows through a model snapshot taken once for validation and prediction.
 * @module
 */
import type { BatchItem, Predictor, RowPrediction } from "@mle/inference";
import { normalizeSymbol } from "@mle/market-client";
import { ApiError } from "../../errors/api-error";
import { toPublicError } from "../../errors/public-error";
import type { InferenceRequest, InferenceResponse, ResponseOutput } from "./schemas";
import type { OutputName } from "./tensor-names";
import { parseInferInput, requestedOutputs } from "./tensors";

/** Which model a request addresses: its protocol name and optional version (`vN` or alias). */
export interface InferTarget {
  readonly name: string;
  readonly version?: string;
}

const PICK: Record<OutputName, (p: RowPrediction) => number> = {
  predictions: (p) => p.prediction,
  prediction_lower: (p) => p.prediction_interval.lower,
  prediction_upper: (p) => p.prediction_interval.upper,
  confidence: (p) => p.confidence,
};

function toOutputs(names: readonly OutputName[], rows: readonly RowPrediction[]): ResponseOutput[] {
  return names.map((name) => ({
    name,
    shape: [rows.length],
    datatype: "FP64" as const,
    data: rows.map(PICK[name]),
  }));
}

function keyOf(raw: string): string {
  try {
    return normalizeSymbol(raw);
  } catch {
    return raw;
  }
}

/** One row per requested symbol (duplicates repeat); the first failing symbol fails the request. */
function rowsForSymbols(symbols: readonly string[], items: readonly BatchItem[]): RowPrediction[] {
  const bySymbol = new Map(items.map((item) => [item.symbol, item]));
  return symbols.map((raw) => {
    const item = bySymbol.get(keyOf(raw));
    if (item === undefined) throw new ApiError("INTERNAL_ERROR", "A symbol was not answered.");
    if (!item.ok) {
      const { code, message } = toPublicError(item.error);
      throw new ApiError(code, `${item.symbol.slice(0, 32)}: ${message}`);
    }
    return item.result;
  });
}

/**
 * Answers one inference request.
 *
 * @example
 * ```ts
 * const res = await infer(predictor, { name: "default" }, {
 *   inputs: [{ name: "symbols", shape: [1], datatype: "BYTES", data: ["AAPL"] }],
 * });
 * res.outputs[0].data; // [0.00042]
 * ```
 */
export async function infer(
  predictor: Predictor,
  target: InferTarget,
  request: InferenceRequest,
): Promise<InferenceResponse> {
  const options = target.version === undefined ? {} : { version: target.version };
  const snapshot = await predictor.snapshot(options);
  const input = parseInferInput(request.inputs, snapshot.columns);
  const names = requestedOutputs(request.outputs);
  let version: string;
  let rows: RowPrediction[];
  if (input.kind === "features") {
    version = snapshot.version;
    rows = snapshot.predictRows(input.matrix);
  } else {
    // Symbols name their model version in each result: the batch uses one model snapshot, which
    // may be newer than the one read for the columns above.
    const items = await predictor.predictBatch(input.symbols, options);
    rows = rowsForSymbols(input.symbols, items);
    version = items.find((item) => item.ok)?.result.model_version ?? snapshot.version;
  }
  return {
    model_name: target.name,
    model_version: version,
    ...(request.id === undefined ? {} : { id: request.id }),
    outputs: toOutputs(names, rows),
  };
}
