/**
 * Types of the two apps' library entries, which are built without declaration files (they are
 * private apps, not published packages). Only what this suite uses; kept in step with
 * apps/api/src/index.ts and apps/cli/src/index.ts.
 */
declare module "api" {
  import type { MarketDataSource } from "@mle/market-client";
  import type { Registry } from "@mle/registry";

  export interface ApiConfig {
    readonly registryDir: string;
    readonly adminToken: string | undefined;
    readonly requestTimeoutMs: number;
    readonly bodyLimitBytes: number;
    readonly inferenceCacheTtlMs: number;
  }
  export interface ApiApp {
    fetch(req: Request): Response | Promise<Response>;
    request(path: string, init?: RequestInit): Promise<Response>;
  }
  export function loadApiConfig(
    env: Readonly<Record<string, string | undefined>>,
    options?: { cwd?: string },
  ): ApiConfig;
  export function createApp(deps: {
    source: MarketDataSource;
    config: ApiConfig;
    registry?: Registry;
    predictor?: unknown;
  }): ApiApp;
  export const ERROR_STATUS: Readonly<Record<string, number>>;
}

declare module "cli/dist/index.js" {
  import type { MarketDataSource } from "@mle/market-client";
  import type { Registry } from "@mle/registry";

  export interface Writer {
    write(chunk: string): unknown;
    readonly isTTY?: boolean;
  }
  export interface CliDeps {
    readonly stdout: Writer;
    readonly stderr: Writer;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly cwd: string;
    readonly now: () => Date;
    readonly createSource: (env: Readonly<Record<string, string | undefined>>) => MarketDataSource;
    readonly createRegistry: (dir: string) => Registry;
    readonly waitForShutdown: () => Promise<string>;
  }
  export function main(argv: readonly string[], deps?: CliDeps): Promise<number>;
  export function createBufferWriter(options?: { isTTY?: boolean }): Writer & { text(): string };
}
