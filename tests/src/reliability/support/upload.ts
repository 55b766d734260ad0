/**
 * Oversized uploads that stop as soon as the server answers, to show a body limit rejects a
 * request early rather than after reading it all.
 * @module
 */
import { request } from "node:http";
import { connect } from "node:net";

/**
 * Starts uploading `totalBytes` of JSON-ish filler (with a `content-length` header, or chunked)
 * and stops as soon as the server answers. Resolves with the status and how many body bytes had
 * been handed to the socket by then: an answer before the whole body was sent proves the server
 * rejected it early instead of reading it all.
 */
export function uploadUntilAnswered(
  baseUrl: string,
  path: string,
  totalBytes: number,
  options: { chunked: boolean; timeoutMs?: number },
): Promise<{ status: number; text: string; sentBytes: number }> {
  const { hostname, port } = new URL(baseUrl);
  const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: valid JSON whitespace, never ends the body
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (!options.chunked) headers["content-length"] = totalBytes;
    const req = request(
      { host: hostname, port, path, method: "POST", headers, agent: false },
      (res) => {
        answered = true;
        const sentBytes = sent;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString("utf8"),
            sentBytes,
          });
          req.destroy();
        });
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error("no answer to the upload")),
      options.timeoutMs ?? 15_000,
    );
    req.on("close", () => clearTimeout(timer));
    req.on("error", (e) => {
      // The server may close the connection right after answering; give the answer a moment.
      if (!answered) setTimeout(() => answered || reject(e), 500);
    });
    // With a Content-Length the size is known from the headers: send one chunk, then wait.
    const limit = options.chunked ? totalBytes : Math.min(totalBytes, chunk.length);
    const pump = () => {
      while (!answered && sent < limit) {
        const part = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += part.length;
        if (!req.write(part)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && sent >= totalBytes) req.end();
      // Content-Length mode stops after the first chunk and waits for the answer.
    };
    req.write("{");
    pump();
  });
}

/**
 * Streams a chunked body of up to `totalBytes` over a plain socket until the server answers.
 * A plain socket keeps the answer readable even when the server closes the connection while we
 * are still writing (an HTTP client would report only the EPIPE).
 */
export function chunkedUploadUntilAnswered(
  baseUrl: string,
  path: string,
  totalBytes: number,
  timeoutMs = 15_000,
): Promise<{ status: number; text: string; sentBytes: number }> {
  const { hostname, port } = new URL(baseUrl);
  const piece = Buffer.alloc(64 * 1024, 0x20);
  const frame = Buffer.concat([
    Buffer.from(`${piece.length.toString(16)}\r\n`),
    piece,
    Buffer.from("\r\n"),
  ]);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    let sent = 0;
    let settled = false;
    const finish = () => {
      const head = /^HTTP\/1\.1 (\d{3})[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(received);
      if (settled || !head) return false;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const body = head[2] ?? "";
      const json = body.indexOf("{");
      resolve({
        status: Number(head[1]),
        text: json >= 0 ? body.slice(json, body.lastIndexOf("}") + 1) : body,
        sentBytes: sent,
      });
      return true;
    };
    const timer = setTimeout(() => {
      settled = true;
      socket.destroy();
      reject(new Error(`no answer to the chunked upload: ${received}`));
    }, timeoutMs);
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => {
      received += d;
      if (/\r\n\r\n[\s\S]*\}/.test(received)) finish();
    });
    socket.on("error", () => {
      // EPIPE/ECONNRESET once the server has answered and closed: the answer is what counts.
    });
    socket.on("close", () => {
      if (!finish() && !settled) {
        settled = true;
        clearTimeout(timer);
        reject(new Error(`connection closed without an answer after ${sent} bytes`));
      }
    });
    socket.on("connect", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      );
      // One frame per tick, so the answer is read as soon as it comes: if it sat unread while the
      // server closes its end, the kernel's reset would discard it.
      const pump = () => {
        if (settled || socket.destroyed) return;
        if (sent >= totalBytes) {
          socket.write("0\r\n\r\n");
          return;
        }
        sent += piece.length;
        if (socket.write(frame)) setTimeout(pump, 2);
        else socket.once("drain", () => setTimeout(pump, 2));
      };
      pump();
    });
  });
}

/**
 * Sends the headers and the first bytes of a body that never completes, and resolves with the
 * answer's status line and body once the server answers (or rejects after `timeoutMs`).
 */
export function stalledBody(
  baseUrl: string,
  path: string,
  timeoutMs = 15_000,
): Promise<{ statusLine: string; body: string; ms: number }> {
  const { hostname, port } = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error("no answer to a stalled body"));
    }, timeoutMs);
    socket.setEncoding("utf8");
    socket.on("error", () => {});
    socket.on("data", (d: string) => {
      received += d;
      const end = received.indexOf("\r\n\r\n");
      if (end >= 0 && received.includes("}", end)) {
        clearTimeout(timer);
        socket.destroy();
        resolve({
          statusLine: received.slice(0, received.indexOf("\r\n")),
          body: received.slice(received.indexOf("{", end), received.lastIndexOf("}") + 1),
          ms: performance.now() - started,
        });
      }
    });
    socket.on("connect", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"symbols":`,
      );
    });
  });
}
