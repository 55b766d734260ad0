/**
 * Protocol routes answer errors in their protocol's body, not the API envelope. Rather than a
 * second error path, this middleware rewrites the envelope that `onError`, the validation hook,
 * the body limit, the timeout and the 404/405 handlers already produced, so the status policy
 * and the message policy stay in one place each.
 * @module
 */
import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorBody } from "../errors/envelope";

/** How one protocol writes an error: its body and status from the API's envelope and status. */
export type ErrorShaper = (
  error: ErrorBody["error"],
  status: ContentfulStatusCode,
) => { body: unknown; status: ContentfulStatusCode };

/** The envelope's message with its field details, as one line. */
export function messageWithDetails(error: ErrorBody["error"]): string {
  if (!error.details?.length) return error.message;
  return `${error.message} ${error.details.map((d) => `${d.path}: ${d.message}`).join("; ")}`;
}

/** Open Inference Protocol: `{"error": "..."}`, 400 for what the API calls 422. */
export const openInferenceError: ErrorShaper = (error, status) => ({
  body: { error: messageWithDetails(error) },
  status: status === 422 ? 400 : status,
});

/** MLflow scoring server: `{"error_code", "message"}`, same statuses as the API. */
export const mlflowError: ErrorShaper = (error, status) => ({
  body: { error_code: error.code, message: messageWithDetails(error) },
  status,
});

function isEnvelope(body: unknown): body is ErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

/**
 * Rewrites error envelopes of the routes below it with `shape`, keeping every header.
 *
 * @example
 * ```ts
 * app.use("/v2/*", protocolErrors(openInferenceError));
 * ```
 */
export function protocolErrors(shape: ErrorShaper): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status < 400 || !c.res.headers.get("content-type")?.includes("json")) return;
    const body: unknown = await c.res
      .clone()
      .json()
      .catch(() => undefined);
    if (!isEnvelope(body)) return;
    const shaped = shape(body.error, c.res.status as ContentfulStatusCode);
    const headers = new Headers(c.res.headers);
    headers.delete("content-length");
    c.res = undefined;
    c.res = new Response(JSON.stringify(shaped.body), { status: shaped.status, headers });
  };
}
