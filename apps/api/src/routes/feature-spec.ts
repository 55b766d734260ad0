import {
  DEFAULT_FEATURES,
  type FeatureSpec,
  isFeatureError,
  validateFeatureSpec,
} from "@mle/features";
import { ApiError } from "../errors/api-error";
import { API_MAX_LOOKBACK } from "../validation/params";

/**
 * The `/features` spec from the query: `columns` (default the v1 four) under `lookback`, validated
 * once here by @mle/features. A bad column, or a parameter above the API's window bound, is 422
 * VALIDATION_ERROR with `details[0].path = "columns"`.
 */
export function featureSpecFromQuery(
  lookback: number,
  columns: readonly string[] | undefined,
): FeatureSpec {
  let spec: FeatureSpec;
  try {
    spec = validateFeatureSpec({ lookback, features: columns ?? DEFAULT_FEATURES });
  } catch (cause) {
    if (!isFeatureError(cause)) throw cause;
    throw invalidColumns(cause.message, cause);
  }
  for (const column of spec.columns) {
    for (const [name, value] of Object.entries(column.params)) {
      if (value > API_MAX_LOOKBACK) {
        throw invalidColumns(
          `column ${column.name}: ${name} ${value} is above the API's largest window, ${API_MAX_LOOKBACK}`,
        );
      }
    }
  }
  return spec;
}

function invalidColumns(message: string, cause?: unknown): ApiError {
  return new ApiError("VALIDATION_ERROR", "Invalid query parameters.", {
    details: [{ path: "columns", message }],
    cause,
  });
}
