import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultKind, UpstreamFaults } from "./upstream-faults";

/** Writes a JSON answer with an exact `content-length`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Writes the upstream's error envelope `{ error: { code, message } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

/**
 * Answers a request with an injected fault that replaces the normal body. Returns false for faults that
 * need the real body (`truncate`), which {@link sendBody} handles.
 */
export function sendInjectedFault(
  req: IncomingMessage,
  res: ServerResponse,
  fault: Exclude<FaultKind, "truncate">,
  symbol: string,
  faults: UpstreamFaults,
): boolean {
  switch (fault) {
    case "drop":
      req.socket.destroy();
      return true;
    case "error": {
      const retryAfter: Record<string, string> =
        faults.retryAfterSeconds === undefined
          ? {}
          : { "retry-after": String(faults.retryAfterSeconds) };
      sendError(
        res,
        faults.errorStatus ?? 503,
        "INJECTED_FAULT",
        "Injected upstream error",
        retryAfter,
      );
      return true;
    }
    case "malformed": {
      const body = `{"symbol":"${symbol}","candles":[{"timestamp":`;
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
      return true;
    }
    case "schema":
      sendJson(res, 200, { symbol, candles: [{ time: "yesterday", price: "n/a" }] });
      return true;
    default: {
      const unreachable: never = fault;
      throw new Error(`unknown fault ${String(unreachable)}`);
    }
  }
}

/**
 * Sends a 200 JSON body; with `truncate`, announces the full length, sends half and destroys the socket,
 * so the client sees a body that ends early.
 */
export function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  text: string,
  truncate: boolean,
): void {
  const bytes = Buffer.from(text);
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": bytes.length,
  });
  if (truncate) {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
    return;
  }
  res.end(bytes);
}
