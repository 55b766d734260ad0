import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../test/support";
import { installGracefulShutdown } from "./shutdown";

// A signal nobody else uses, emitted in-process: the handlers run exactly as on a real signal.
const SIGNAL = "SIGUSR2" as const;
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function startServer(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanups.push(() => server.closeAllConnections());
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function install(server: Server, timeoutMs: number, onClosed?: () => void) {
  const exits: number[] = [];
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((r) => {
    resolveExit = r;
  });
  const uninstall = installGracefulShutdown({
    server,
    logger: silentLogger,
    timeoutMs,
    signals: [SIGNAL],
    exit: (code) => {
      exits.push(code);
      resolveExit(code);
    },
    ...(onClosed ? { onClosed } : {}),
  });
  cleanups.push(uninstall);
  return { exits, exited };
}

describe("installGracefulShutdown", () => {
  it("lets an in-flight request finish, runs onClosed, then exits 0", async () => {
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const requestArrived = new Promise<void>((r) => {
      arrived = r;
    });
    const { server, url } = await startServer((_req, res) => {
      release = () => res.end("done");
      arrived();
    });
    let closed = false;
    const { exited } = install(server, 5000, () => {
      closed = true;
    });
    const response = fetch(url);
    await requestArrived;
    process.emit(SIGNAL, SIGNAL);
    expect(server.listening).toBe(false);
    release();
    expect(await (await response).text()).toBe("done");
    expect(await exited).toBe(0);
    expect(closed).toBe(true);
  });

  it("cuts requests still running after the timeout and exits 1", async () => {
    const { server, url } = await startServer(() => {
      // never answers
    });
    const { exited } = install(server, 30);
    let arrived: () => void = () => {};
    const requestArrived = new Promise<void>((r) => {
      arrived = r;
    });
    server.on("request", () => arrived());
    const response = fetch(url).catch((e: unknown) => e);
    await requestArrived;
    process.emit(SIGNAL, SIGNAL);
    expect(await exited).toBe(1);
    expect(await response).toBeInstanceOf(Error);
  });

  it("exits 1 at once on a second signal", async () => {
    const { server, url } = await startServer(() => {});
    const { exits } = install(server, 10_000);
    const requestArrived = new Promise<void>((r) => server.once("request", () => r()));
    void fetch(url).catch(() => undefined);
    await requestArrived;
    process.emit(SIGNAL, SIGNAL);
    process.emit(SIGNAL, SIGNAL);
    expect(exits).toEqual([1]);
  });
});
