/**
 * The OpenAPI response object of a JSON answer, for route definitions.
 * @module
 */
import type { z } from "@hono/zod-openapi";

/**
 * `{ description, content: { "application/json": { schema } } }`.
 *
 * @example
 * ```ts
 * responses: { 200: jsonResponse("The models.", RegisteredModelsSchema) }
 * ```
 */
export const jsonResponse = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { "application/json": { schema } },
});
