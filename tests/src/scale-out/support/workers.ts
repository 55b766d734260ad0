/**
 * `mle worker` processes of a test: started, their event lines collected (each line starts with the
 * worker's ISO clock), stopped with SIGTERM then SIGKILL.
 * @module
 */
import { spawn } from "node:child_process";
import { childEnv, MLE_BIN } from "../../reliability/support/cli";

export interface WorkerProcess {
  output(): string;
  /** `completed <job> -> <version>` lines so far, with the worker's wall clock (ms since epoch). */
  completed(): { job: string; version: string; at: number }[];
  stop(): Promise<void>;
}

const COMPLETED = /^(\S+) completed (\S+) -> (v\d+)/gm;

/** Starts `mle worker ...args` and resolves once it printed `worker ready`. */
export function startWorker(
  args: readonly string[],
  env: Record<string, string>,
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [MLE_BIN, "worker", ...args], {
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (out += d));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const handle: WorkerProcess = {
    output: () => out,
    completed: () =>
      [...out.matchAll(COMPLETED)].map((m) => ({
        at: Date.parse(m[1] as string),
        job: m[2] as string,
        version: m[3] as string,
      })),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(force);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready in 20 s: ${out}`)), 20_000);
    void exited.then(() => reject(new Error(`worker exited before ready: ${out}`)));
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (out.includes("worker ready")) {
        clearTimeout(timer);
        resolve(handle);
      }
    });
  });
}
