/**
 * Serves a fetch handler (a Hono app) on an ephemeral loopback port with @hono/node-server, the
 * adapter apps/api's server.ts uses.
 * @module
 */

import { serve } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Served {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1:0 and resolves once bound.
 *
 * @example
 * const api = await serveFetch(app.fetch);
 * await fetch(`${api.url}/health`);
 * await api.close();
 */
export function serveFetch(fetch: (req: Request) => Response | Promise<Response>): Promise<Served> {
  return new Promise((resolve) => {
    // Without createServer options the adapter serves plain HTTP/1.1: a node:http Server.
    const server = serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).close(() => done());
            (server as Server).closeAllConnections();
          }),
      });
    });
  });
}
