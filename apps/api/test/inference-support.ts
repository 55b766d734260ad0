/**
 * Test support for the model routes: a real HTTP server on an ephemeral loopback port, a temp-folder registry
 * and models trained with `@mle/trainer/testing` (shared with the inference tests).
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { FeatureName } from "@mle/features";
import type { MarketDataSource } from "@mle/market-client";
import { createRegistry, type Registry } from "@mle/registry";
import type { ModelSpec } from "@mle/trainer";
import { trainSample } from "@mle/trainer/testing";
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

/** A registry in a fresh temp folder. */
export async function tempRegistry(): Promise<{
  registry: Registry;
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "mle-api-"));
  return {
    registry: createRegistry({ dir }),
    dir,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface TrainSpec {
  readonly lookback?: number;
  readonly features?: readonly FeatureName[];
  readonly activate?: boolean;
  /** The kind and hyperparameters (default ridge, alpha 1). */
  readonly model?: ModelSpec;
  /** Save evaluation.json as `mle train` does (default false: a version from before evaluations). */
  readonly evaluation?: boolean;
}

/** Trains a model on 300 sample candles of two symbols and saves it. Returns the version. */
export async function trainModel(
  registry: Registry,
  source: MarketDataSource,
  spec: TrainSpec = {},
): Promise<string> {
  const saved = await registry.save(await trainSample(source, spec), {
    activate: spec.activate ?? true,
  });
  return saved.version;
}

/** Parses a JSON body. */
export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
