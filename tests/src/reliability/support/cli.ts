/**
 * Running the `mle` CLI: the built binary as a process (what users run), or `main()` in this
 * process with injected dependencies (for faults that need an injected registry store).
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { type CliDeps, createBufferWriter, main } from "@mle/cli";
import { createMarketDataSource, loadMarketDataConfig } from "@mle/market-client";
import { type ModelRegistry, openRegistry } from "@mle/registry";

const require = createRequire(import.meta.url);
/** apps/cli/dist/bin.js (built by `turbo run build --filter=e2e...`). */
export const MLE_BIN = path.join(
  path.dirname(require.resolve("@mle/cli/package.json")),
  "dist/bin.js",
);

/** A tiny, fast training config: 2 symbols, 120 candles, lookback 5, 2 folds. */
export function tinyConfig(registryDir: string, extra: Record<string, unknown> = {}): string {
  const config: Record<string, unknown> = {
    symbols: ["AAPL", "MSFT"],
    lookback: 5,
    candles: 120,
    cv: { folds: 2, gap: 0 },
    registry_dir: registryDir,
    activate: true,
    ...extra,
  };
  return JSON.stringify(config); // JSON is YAML
}

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment for a child: PATH only, CI on (no progress lines), plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "", CI: "true", ...extra };
}

/** Where and how `mle` runs: `bin` is an executable `mle` (an installed one) instead of MLE_BIN. */
export interface MleOptions {
  readonly cwd: string;
  readonly env?: Record<string, string>;
  readonly user?: string;
  readonly bin?: string;
}

/** Starts `node apps/cli/dist/bin.js ...args` (or `<bin> ...args`); `done` resolves when it exits. */
export function spawnMle(
  args: readonly string[],
  options: MleOptions,
): { child: ChildProcess; done: Promise<ProcessResult> } {
  const [bin, ...binArgs]: [string, ...string[]] = options.bin
    ? [options.bin]
    : [process.execPath, MLE_BIN];
  const command = options.user ? "runuser" : bin;
  const argv = options.user
    ? ["-u", options.user, "--", bin, ...binArgs, ...args]
    : [...binArgs, ...args];
  const child = spawn(command, argv, {
    cwd: options.cwd,
    env: childEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<ProcessResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the built `mle` to completion. */
export function runMle(args: readonly string[], options: MleOptions): Promise<ProcessResult> {
  return spawnMle(args, options).done;
}

/**
 * Runs `mle ...args` in this process through `main()`, with the real source and registry unless
 * `registryFor` injects another one for the resolved location (e.g. over a store that fails writes).
 */
export async function mleInProcess(
  args: readonly string[],
  options: {
    cwd: string;
    env?: Record<string, string>;
    registryFor?: (location: string) => ModelRegistry;
  },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = createBufferWriter();
  const stderr = createBufferWriter();
  const env = { CI: "true", ...options.env };
  const deps: CliDeps = {
    stdout,
    stderr,
    env,
    cwd: options.cwd,
    now: () => new Date(),
    createSource: (e) => createMarketDataSource(loadMarketDataConfig({ ...e })),
    openRegistry: options.registryFor ?? ((location) => openRegistry(location)),
    waitForShutdown: () => new Promise(() => {}),
    serve: () => Promise.reject(new Error("spawn `mle serve` instead")),
  };
  const code = await main(["node", "mle", ...args], deps);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
