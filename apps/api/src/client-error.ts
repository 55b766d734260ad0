import { randomUUID } from "node:crypto";
import type { RequestListener } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import { type ApiErrorCode, PUBLIC_MESSAGE, statusForCode } from "./errors/status-map";

/** Node's parser and timeout errors, by `code`, to the envelope's code. Anything else: 400. */
const CLIENT_ERROR_CODES: Readonly<Record<string, ApiErrorCode>> = {
  HPE_HEADER_OVERFLOW: "HEADERS_TOO_LARGE",
  ERR_HTTP_REQUEST_TIMEOUT: "CLIENT_TIMEOUT",
};

const REASON: Readonly<Record<number, string>> = {
  400: "Bad Request",
  408: "Request Timeout",
  431: "Request Header Fields Too Large",
};

/**
 * The raw HTTP answer for a request Node rejected before the app saw it (headers over 16 KB,
 * a malformed request line or header, headers or body too slow): the API's JSON envelope with
 * an `x-request-id`, then the connection is closed. A socket already written to, or reset by
 * the client, is just destroyed.
 */
export function clientErrorAnswer(err: NodeJS.ErrnoException): { code: ApiErrorCode; raw: string } {
  const code = CLIENT_ERROR_CODES[err.code ?? ""] ?? "BAD_REQUEST";
  const status = statusForCode(code);
  const body = JSON.stringify({ error: { code, message: PUBLIC_MESSAGE[code] } });
  const raw =
    `HTTP/1.1 ${status} ${REASON[status] ?? "Error"}\r\n` +
    "content-type: application/json; charset=UTF-8\r\n" +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    `x-request-id: ${randomUUID()}\r\n` +
    "x-content-type-options: nosniff\r\n" +
    "connection: close\r\n\r\n" +
    body;
  return { code, raw };
}

/**
 * Installs the `clientError` handler on a Node HTTP server.
 *
 * @example
 * ```ts
 * server.on("clientError", clientErrorHandler(logger));
 * ```
 */
export function clientErrorHandler(logger: Logger) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    if (
      err.code === "ECONNRESET" ||
      !socket.writable ||
      (socket as { _httpMessage?: unknown })._httpMessage
    ) {
      socket.destroy();
      return;
    }
    const { code, raw } = clientErrorAnswer(err);
    logger.info({ code, parser_code: err.code }, "request rejected before routing");
    socket.end(raw);
  };
}

/**
 * Wraps the app's request listener so that a request target the app cannot route (`GET *`,
 * anything not a path or an absolute URL) gets the 400 envelope too, instead of the adapter's
 * empty 400 on a kept-alive connection.
 *
 * @example
 * ```ts
 * serve({ fetch: app.fetch, createServer: (o, l) => createServer(o, routableOnly(l)) });
 * ```
 */
export function routableOnly(listener: RequestListener): RequestListener {
  return (req, res) => {
    const url = req.url ?? "";
    if (url.startsWith("/") || /^https?:\/\//i.test(url)) return listener(req, res);
    const { raw } = clientErrorAnswer(
      Object.assign(new Error("bad request target"), { code: "HPE_INVALID_URL" }),
    );
    res.socket?.end(raw);
  };
}
