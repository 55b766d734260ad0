/**
 * The built API server as a child process (`node apps/api/dist/server.js`, or another command that
 * runs it, such as an installed `mle serve`), configured only through its environment, as in
 * production.
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
/** apps/api/dist/server.js */
export const API_SERVER = path.join(
  path.dirname(require.resolve("@mle/api/package.json")),
  "dist/server.js",
);

export interface ApiProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything written to stdout (JSON log lines) and stderr so far. */
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
  /** SIGTERM, then SIGKILL after 5 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** How to start the server when not `node apps/api/dist/server.js` from the test's directory. */
export interface ApiProcessOptions {
  /** The command and its arguments, e.g. an installed `[".../node_modules/.bin/mle", "serve"]`. */
  readonly command?: readonly [string, ...string[]];
  readonly cwd?: string;
}

/**
 * Starts the server on 127.0.0.1 with an OS-picked port and waits for its `listening` log line.
 *
 * @example
 * const api = await startApiProcess({ MODEL_REGISTRY_DIR: dir });
 */
export function startApiProcess(
  env: Record<string, string>,
  options: ApiProcessOptions = {},
): Promise<ApiProcess> {
  const [command, ...args] = options.command ?? [process.execPath, API_SERVER];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exited = true;
      resolve(code);
    }),
  );
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not listen within 15 s: ${out}`));
    }, 15_000);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${out}`));
    });
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      const before = out.length;
      out += d;
      const match = /"port":(\d+)[^\n]*"msg":"listening"|"msg":"listening"[^\n]*"port":(\d+)/.exec(
        out.slice(Math.max(0, before - 200)),
      );
      if (match && !exited) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${match[1] ?? match[2]}`,
          child,
          output: () => out,
          alive: () => !exited,
          stop: () => {
            if (exited) return exit;
            child.kill("SIGTERM");
            const force = setTimeout(() => child.kill("SIGKILL"), 5000);
            return exit.finally(() => clearTimeout(force));
          },
        });
      }
    });
  });
}
