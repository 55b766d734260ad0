/** Spawns and drives test/save-worker.mjs child processes. */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const WORKER = path.join(import.meta.dirname, "save-worker.mjs");
const DIST = path.join(import.meta.dirname, "..", "dist", "index.js");

export function assertBuilt(): void {
  if (!fs.existsSync(DIST)) {
    throw new Error(
      "packages/registry/dist is missing: run `pnpm --filter @mle/registry build` first",
    );
  }
}

export interface Worker {
  readonly child: ChildProcess;
  /** Resolves with the first stdout line starting with `prefix`. */
  waitFor(prefix: string): Promise<string>;
  /** Resolves with the exit code and signal once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  lines(): string[];
  stderr(): string;
}

export function startWorker(args: string[], script = WORKER): Worker {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const lines: string[] = [];
  let buffer = "";
  let err = "";
  const waiters: Array<{ prefix: string; resolve: (l: string) => void }> = [];
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    buffer += chunk;
    let i = buffer.indexOf("\n");
    while (i >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (line.startsWith(w.prefix)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
      i = buffer.indexOf("\n");
    }
  });
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (c: string) => {
    err += c;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    exited,
    lines: () => lines,
    stderr: () => err,
    waitFor(prefix) {
      const seen = lines.find((l) => l.startsWith(prefix));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ prefix, resolve });
        exited.then(({ code, signal }) => {
          reject(
            new Error(`worker exited (${code ?? signal}) before "${prefix}": ${err.slice(0, 500)}`),
          );
        });
      });
    },
  };
}
