/**
 * A TCP relay on loopback in front of a server, to simulate an outage without losing the server's
 * state: `cutOff()` drops every relayed connection and refuses new ones, `restore()` listens again
 * on the same port.
 * @module
 */
import net from "node:net";

/** How an outage looks to a client: connections refused, or accepted and never answered. */
export type OutageMode = "refuse" | "hang";

export interface TcpRelay {
  readonly port: number;
  cutOff(mode?: OutageMode): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Starts a relay from a free loopback port to `127.0.0.1:targetPort`. */
export async function startRelay(targetPort: number): Promise<TcpRelay> {
  const sockets = new Set<net.Socket>();
  let state: "up" | OutageMode = "up";
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  const onConnection = (client: net.Socket) => {
    track(client);
    if (state !== "up") return; // "hang": held open, never answered
    const upstream = net.connect(targetPort, "127.0.0.1");
    track(upstream);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream).pipe(client);
  };
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };

  let server: net.Server | null = net.createServer(onConnection);
  const port = await listen(server, 0);
  /** Stops accepting at once; the returned promise settles once the dropped connections closed. */
  const stopListening = (): Promise<void> => {
    if (server === null) return Promise.resolve();
    const closing = closeServer(server);
    server = null;
    dropAll();
    return closing;
  };

  return {
    port,
    async cutOff(mode = "refuse") {
      state = mode;
      if (mode === "refuse") await stopListening();
      dropAll();
    },
    async restore() {
      state = "up";
      dropAll(); // the connections held by a "hang" outage
      if (server === null) {
        server = net.createServer(onConnection);
        await listen(server, port);
      }
    },
    async close() {
      state = "refuse";
      await stopListening();
      dropAll();
    },
  };
}
