/**
 * Test support for the model routes: a real HTTP server on an ephemeral loopback port and a
 * temp-folder registry per test (from `@mle/registry/testing`). Models are saved with `saveSample`
 * of `@mle/trainer/testing`, shared with the inference tests.
 */
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { serve } from "@hono/node-server";
import type { MarketDataSource } from "@mle/market-client";
import type { Registry } from "@mle/registry";
import { useTempRegistry } from "@mle/registry/testing";
import { afterEach, beforeEach } from "vitest";
import { type AppDeps, createApp } from "../src/app";
import { loadApiConfig } from "../src/config";
import { silentLogger } from "./support";

export interface RunningApi {
  readonly url: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1:0 and returns its base URL. */
export async function startApi(
  deps: Partial<AppDeps> & { source: MarketDataSource },
  env: Record<string, string> = {},
): Promise<RunningApi> {
  const app = createApp({
    config: loadApiConfig({ LOG_LEVEL: "silent", ...env }, { cwd: tmpdir() }),
    logger: silentLogger,
    ...deps,
  });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
        resolve({ server: s, port: info.port }),
      );
    },
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    get: (path, init) => fetch(`${url}${path}`, init),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** What {@link tempRegistryPerTest} gives a test file. */
export interface ApiTestContext {
  /** This test's registry, in a fresh temp folder. */
  readonly registry: Registry;
  /** Its folder. */
  readonly dir: string;
  /** {@link startApi}; every API it started is closed after the test, before the folder goes. */
  startApi: typeof startApi;
}

/** Per test: a registry in a fresh temp folder, and APIs over it that are closed afterwards. */
export function tempRegistryPerTest(): ApiTestContext {
  const temp = useTempRegistry({ beforeEach, afterEach }, { prefix: "mle-api-" });
  const running: RunningApi[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((a) => a.close()));
  });
  return {
    get registry() {
      return temp.registry;
    },
    get dir() {
      return temp.dir;
    },
    async startApi(deps, env) {
      const a = await startApi(deps, env);
      running.push(a);
      return a;
    },
  };
}

/** Parses a JSON body. */
export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
