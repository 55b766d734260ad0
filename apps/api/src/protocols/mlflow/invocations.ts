/**
 * MLflow scoring-server `POST /invocations`: JSON (`dataframe_split`, `dataframe_records`,
 * `instances`, `inputs`) or `text/csv` feature rows, scored by the active model.
 * @module
 */
import type { Predictor } from "@mle/inference";
import { ApiError } from "../../errors/api-error";
import { parseCsv } from "./csv";
import { fromCsv, fromJsonRequest, type FeatureMatrix } from "./frame";

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const CSV_TYPE = /^text\/csv\s*(?:;|$)/i;

/** The body formats `/invocations` reads, by content type. */
export type ScoringFormat = "json" | "csv";

/** Which format a content type is; anything else is 415 UNSUPPORTED_MEDIA_TYPE. */
export function scoringFormat(contentType: string | undefined): ScoringFormat {
  if (JSON_TYPE.test(contentType ?? "")) return "json";
  if (CSV_TYPE.test(contentType ?? "")) return "csv";
  throw new ApiError(
    "UNSUPPORTED_MEDIA_TYPE",
    "The request body must be application/json or text/csv.",
  );
}

function readBody(format: ScoringFormat, text: string, columns: readonly string[]): FeatureMatrix {
  if (format === "csv") return fromCsv(parseCsv(text), columns);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("VALIDATION_ERROR", "The body is not valid JSON.");
  }
  return fromJsonRequest(body, columns);
}

/**
 * Scores a request body with the predictor's active model.
 *
 * @example
 * ```ts
 * await invocations(predictor, "text/csv", "close,simple_return,moving_average,rolling_volatility\n187,0.003,185,0.014");
 * // { predictions: [0.00042] }
 * ```
 */
export async function invocations(
  predictor: Predictor,
  format: ScoringFormat,
  text: string,
): Promise<{ predictions: number[] }> {
  const snapshot = await predictor.snapshot();
  const { matrix } = readBody(format, text, snapshot.columns);
  return { predictions: snapshot.predictRows(matrix).map((row) => row.prediction) };
}
