/**
 * Serves a fetch handler (a Hono app) on an ephemeral loopback port with @hono/node-server, the
 * adapter apps/api's server.ts uses. The e2e package does not depend on it directly, so it is
 * loaded through the api package's own dependency resolution (same copy, same version).
 * @module
 */

import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

type Serve = (
  options: {
    fetch: (req: Request) => Response | Promise<Response>;
    hostname: string;
    port: number;
  },
  listening: (info: AddressInfo) => void,
) => Server;

const fromTests = createRequire(import.meta.url);
const fromApi = createRequire(fromTests.resolve("api/package.json"));
const { serve } = fromApi("@hono/node-server") as { serve: Serve };

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
    const server = serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
