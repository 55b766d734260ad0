/**
 * A loopback HTTP client that sends the request target byte for byte. `fetch` and `URL`
 * normalise `..` and `%2e%2e` segments before sending, which would hide exactly the paths the
 * hostile-input tests need to send.
 * @module
 */
import { request } from "node:http";

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** Parsed body, or undefined when it is not JSON. */
  readonly json: unknown;
  readonly ms: number;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string | number>;
  readonly body?: string | Buffer;
  /** Abort (and fail) after this many ms; default 15 000, so nothing can hang the suite. */
  readonly timeoutMs?: number;
}

/**
 * Sends `path` exactly as given to `baseUrl`'s host and port.
 *
 * @example
 * const r = await rawRequest(api.url, "/model/..%2fv1");
 */
export function rawRequest(
  baseUrl: string,
  path: string,
  init: RawRequest = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path,
        method: init.method ?? "GET",
        headers: init.headers ?? {},
        timeout: init.timeoutMs ?? 15_000,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on("timeout", () =>
      req.destroy(new Error(`no answer to ${path} within ${init.timeoutMs ?? 15_000} ms`)),
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/** The `error` object of an envelope, or undefined. */
export function errorOf(r: RawResponse): { code: string; message: string } | undefined {
  const e = (r.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof e?.code === "string" && typeof e.message === "string"
    ? { code: e.code, message: e.message }
    : undefined;
}
