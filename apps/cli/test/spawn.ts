import { spawn } from "node:child_process";
import path from "node:path";

export const CLI_DIR = path.resolve(import.meta.dirname, "..");
export const REPO_ROOT = path.resolve(CLI_DIR, "../..");
export const BIN = path.join(CLI_DIR, "dist/bin.js");

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The test runner's env without INIT_CWD (pnpm sets it for the test run itself) and with CI on. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "true", ...extra };
  if (extra.INIT_CWD === undefined) delete env.INIT_CWD;
  return env;
}

/**
 * Runs a command to completion and collects its output.
 *
 * @example
 * const r = await run(process.execPath, [BIN, "--version"]);
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? cleanEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the built `mle` binary. */
export function mle(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  return run(process.execPath, [BIN, ...args], options);
}
