import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBucket } from "../s3/location";
import { uniqueBucket } from "./moto";
import { startRelay, type TcpRelay } from "./relay";

/** Sends `line` through port and resolves the echo, or rejects with the socket error code. */
function roundTrip(port: number, line: string, timeoutMs = 500): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error("no answer"));
    });
    socket.once("error", (e: NodeJS.ErrnoException) => reject(new Error(e.code ?? e.message)));
    socket.once("data", (d) => {
      socket.destroy();
      resolve(d.toString());
    });
    socket.write(line);
  });
}

describe("the outage relay", () => {
  let echo: net.Server;
  let relay: TcpRelay;
  beforeAll(async () => {
    echo = net.createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
    relay = await startRelay((echo.address() as net.AddressInfo).port);
  });
  afterAll(async () => {
    await relay.close();
    await new Promise((r) => echo.close(r));
  });

  it("relays, refuses during a cut-off, hangs in hang mode and relays again on the same port", async () => {
    expect(await roundTrip(relay.port, "hello")).toBe("hello");
    await relay.cutOff();
    await expect(roundTrip(relay.port, "x")).rejects.toThrow("ECONNREFUSED");
    await relay.restore();
    expect(await roundTrip(relay.port, "back")).toBe("back");
    await relay.cutOff("hang");
    await expect(roundTrip(relay.port, "x", 200)).rejects.toThrow("no answer");
    await relay.restore();
    expect(await roundTrip(relay.port, "again")).toBe("again");
  });

  it("drops connections that were open when the cut-off came", async () => {
    const socket = net.connect(relay.port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    const closed = new Promise((r) => socket.once("close", r));
    await relay.cutOff();
    await closed;
    await relay.restore();
  });
});

describe("uniqueBucket", () => {
  it("makes distinct, valid bucket names even from an awkward prefix", () => {
    const a = uniqueBucket("Registry_Tests");
    const b = uniqueBucket("Registry_Tests");
    expect(a).not.toBe(b);
    for (const name of [
      a,
      b,
      uniqueBucket("x".repeat(80)),
      uniqueBucket(""),
      uniqueBucket("--a"),
    ]) {
      expect(() => checkBucket(name)).not.toThrow();
    }
  });
});
