/**
 * Why the http source calls `fetch` directly and not ky: the evidence, kept as a test so that a ky
 * or Node release that fixes it shows up as a failure here (then ky can be reconsidered).
 * @module
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import ky from "ky";
import { describe, expect, it } from "vitest";
import { forceGc } from "./test-gc";

/** Streams 16 KiB every 10 ms until the socket closes; counts bytes written after `mark()`. */
async function trickle() {
  let after = 0;
  let marked = false;
  let closed = false;
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const timer = setInterval(() => {
      res.write("x".repeat(16_384));
      if (marked) after += 16_384;
    }, 10);
    req.socket.once("close", () => {
      closed = true;
      clearInterval(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    mark: () => (marked = true),
    state: () => ({ bytesAfterAbort: after, closed }),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Starts a read of the whole body, lets one GC run, aborts, and reports what happened 1 s later. */
async function abortAfterGc(get: (url: string, signal: AbortSignal) => Promise<Response>) {
  const up = await trickle();
  try {
    const controller = new AbortController();
    const response = await get(up.url, controller.signal);
    const body = response.text().then(
      () => "finished",
      (e: unknown) => `rejected ${(e as Error).name}`,
    );
    await new Promise((r) => setTimeout(r, 100));
    forceGc();
    up.mark();
    controller.abort(new DOMException("deadline", "TimeoutError"));
    const outcome = await Promise.race([
      body,
      new Promise<string>((r) => setTimeout(() => r("still reading"), 1000)),
    ]);
    // The socket's close event follows the rejection by a tick or two; give it a moment.
    for (let i = 0; i < 50 && !up.state().closed; i++) await new Promise((r) => setTimeout(r, 10));
    return { outcome, ...up.state() };
  } finally {
    up.close();
  }
}

describe("aborting a body read on Node 20 (why the http source uses fetch, not ky)", () => {
  it("fetch(url, { signal }) stops reading and closes the socket when the signal aborts", async () => {
    const r = await abortAfterGc((url, signal) => fetch(url, { signal }));
    expect(r).toMatchObject({ outcome: "rejected TimeoutError", closed: true });
    expect(r.bytesAfterAbort).toBeLessThan(100_000);
  });

  it("ky keeps reading after its signal aborted once a GC ran: the abort never reaches the body", async () => {
    const client = ky.create({ retry: 0, timeout: false, throwHttpErrors: false });
    const r = await abortAfterGc((url, signal) => client.get(url, { signal }));
    // ky hands fetch a Request whose signal follows ours through weakly held links
    // (AbortSignal.any, undici's Request; nodejs/undici#4068); a GC drops them.
    expect(r).toMatchObject({ outcome: "still reading", closed: false });
    expect(r.bytesAfterAbort).toBeGreaterThan(500_000);
  });
});
