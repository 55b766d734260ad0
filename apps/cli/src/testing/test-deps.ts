import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createMarketDataSource,
  loadMarketDataConfig,
  type MarketDataSource,
} from "@mle/market-client";
import { openRegistry } from "@mle/registry";
import type { CliDeps } from "../deps";
import { main } from "../program";
import { createBufferWriter } from "../util/io";

/** A source wrapper that counts getCandles calls, to prove a command fetched nothing. */
export interface CountingSource extends MarketDataSource {
  readonly calls: number;
}

/**
 * Wraps a source and counts its getCandles calls.
 *
 * @example
 * const source = countCalls(createSampleSource());
 */
export function countCalls(inner: MarketDataSource): CountingSource {
  let calls = 0;
  return {
    kind: inner.kind,
    get calls() {
      return calls;
    },
    getCandles(symbol, options) {
      calls++;
      return inner.getCandles(symbol, options);
    },
  };
}

/** A temp folder removed by {@link TempDir.cleanup}. */
export interface TempDir {
  readonly dir: string;
  file(name: string, text: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function createTempDir(prefix = "mle-cli-"): Promise<TempDir> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return {
    dir,
    async file(name, text) {
      const p = path.join(dir, name);
      await writeFile(p, text);
      return p;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface TestRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TestDepsOptions {
  readonly cwd: string;
  readonly env?: Record<string, string | undefined>;
  /** Replaces the env-configured source; every created source is counted in `sources`. */
  readonly source?: MarketDataSource;
  readonly now?: () => Date;
  readonly isTTY?: boolean;
}

/**
 * In-process `mle` runs with real small implementations: the env-configured market data source
 * (or a given one), the registry opened from its location (a temp folder in tests), buffer writers and a fixed clock.
 *
 * @example
 * const cli = createTestCli({ cwd: tmp.dir });
 * const { code, stdout } = await cli.run("models", "list", "--json");
 */
export function createTestCli(options: TestDepsOptions) {
  const sources: CountingSource[] = [];
  const now = options.now ?? (() => new Date("2026-01-02T03:04:05.000Z"));
  const makeDeps = (
    stdout = createBufferWriter(),
    stderr = createBufferWriter({ isTTY: options.isTTY ?? false }),
  ) => {
    const deps: CliDeps = {
      stdout,
      stderr,
      env: options.env ?? {},
      cwd: options.cwd,
      now,
      createSource: (env) => {
        const s = countCalls(
          options.source ?? createMarketDataSource(loadMarketDataConfig({ ...env })),
        );
        sources.push(s);
        return s;
      },
      openRegistry: (location) => openRegistry(location, { clock: now }),
      waitForShutdown: () => Promise.resolve("SIGTERM"),
      serve: () => Promise.reject(new Error("serve is not available in tests; spawn `mle serve`")),
    };
    return { deps, stdout, stderr };
  };
  return {
    sources,
    /** Total getCandles calls across every source the CLI created. */
    fetches: () => sources.reduce((n, s) => n + s.calls, 0),
    async run(...args: string[]): Promise<TestRun> {
      const { deps, stdout, stderr } = makeDeps();
      const code = await main(["node", "mle", ...args], deps);
      return { code, stdout: stdout.text(), stderr: stderr.text() };
    },
    makeDeps,
  };
}
