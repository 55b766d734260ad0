import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ErrorDetail } from "./api-error";
import { type ApiErrorCode, ERROR_STATUS, statusForCode } from "./status-map";

/** The zod schema of the one error envelope, registered as the `ErrorResponse` component. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z
        .enum(Object.keys(ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]])
        .openapi({ description: "Stable machine-readable code.", example: "VALIDATION_ERROR" }),
      message: z.string().openapi({
        description: "Human-readable explanation; never a stack trace, file path or secret.",
        example: "Invalid query parameters.",
      }),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .openapi({
          description: "Field-level problems (validation errors only).",
          example: [{ path: "lookback", message: "lookback must be an integer from 2 to 250" }],
        }),
    }),
  })
  .openapi("ErrorResponse");

/** The body type of every error response. */
export type ErrorBody = z.infer<typeof ErrorResponseSchema>;

/** Builds the error envelope. */
export function errorBody(
  code: ApiErrorCode,
  message: string,
  details?: readonly ErrorDetail[],
): ErrorBody {
  return details === undefined
    ? { error: { code, message } }
    : { error: { code, message, details: [...details] } };
}

/**
 * Sends the error envelope with the status mapped from `code`.
 *
 * @example
 * ```ts
 * return errorResponse(c, "NOT_FOUND", "No route for GET /nope");
 * ```
 */
export function errorResponse(
  c: Context,
  code: ApiErrorCode,
  message: string,
  options: { details?: readonly ErrorDetail[]; headers?: Record<string, string> } = {},
): Response {
  return c.json(errorBody(code, message, options.details), statusForCode(code), options.headers);
}

/** OpenAPI response entries for the given error statuses, all with the envelope schema. */
export function errorResponses<const S extends number>(
  statuses: Readonly<Record<S, string>>,
): Record<
  S,
  { description: string; content: { "application/json": { schema: typeof ErrorResponseSchema } } }
> {
  const out = {} as Record<
    S,
    { description: string; content: { "application/json": { schema: typeof ErrorResponseSchema } } }
  >;
  for (const [status, description] of Object.entries(statuses) as unknown as [S, string][]) {
    out[status] = { description, content: { "application/json": { schema: ErrorResponseSchema } } };
  }
  return out;
}
