import type { Context } from "hono";
import type { ZodError } from "zod";
import type { ErrorDetail } from "../errors/api-error";
import { errorResponse } from "../errors/envelope";

type HookResult = { target: string } & ({ success: true } | { success: false; error: ZodError });

/** Turns zod issues into the envelope's `details`, with clearer messages for common cases. */
export function issuesToDetails(error: ZodError, target: string, c: Context): ErrorDetail[] {
  const queries = target === "query" ? c.req.queries() : {};
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".") || target;
    const key = String(issue.path[0] ?? "");
    if ((queries[key]?.length ?? 0) > 1) {
      return { path, message: `${key} must be given exactly once` };
    }
    if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) {
      return { path, message: `${key || target} is required` };
    }
    return { path, message: issue.message };
  });
}

/**
 * The one validation hook of every route: any failed request validation becomes
 * `422 VALIDATION_ERROR` with one `details` entry per problem.
 *
 * @example
 * ```ts
 * const app = new OpenAPIHono({ defaultHook: validationHook });
 * ```
 */
export function validationHook(result: HookResult, c: Context): Response | undefined {
  if (result.success) return undefined;
  const details = issuesToDetails(result.error, result.target, c);
  return errorResponse(c, "VALIDATION_ERROR", `Invalid ${result.target} parameters.`, { details });
}
