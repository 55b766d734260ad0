/**
 * Child processes of the serving benchmark: forked helpers speaking IPC, and the real
 * `apps/api/dist/server.js` spawned with environment variables. Every child is tracked so that
 * `closeAll()` ends them all, also after a failure.
 * @module
 */
import { fork, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { API_SERVER_JS } from "./paths.mjs";

const here = import.meta.dirname;
const live = new Set();

/** Waits for `child` to exit, sending SIGTERM then (after `graceMs`) SIGKILL. */
export function stop(child, graceMs = 2000) {
  live.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Ends every child still running. */
export async function closeAll() {
  await Promise.all([...live].map((child) => stop(child)));
}

function track(child) {
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`serving bench: ${what} timed out after ${ms} ms`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The next IPC message of `type` from `child` (rejects if the child exits first). */
export function nextMessage(child, type, timeoutMs = 60_000) {
  const got = new Promise((resolve, reject) => {
    const onMessage = (m) => {
      if (m?.type !== type) return;
      cleanup();
      resolve(m);
    };
    const onExit = (code, signal) => {
      cleanup();
      reject(new Error(`serving bench: child exited (${code ?? signal}) before sending "${type}"`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
  return withTimeout(got, timeoutMs, `waiting for "${type}"`);
}

/** Forks a helper script of this folder; its stdout/stderr are inherited only on `verbose`. */
export function forkHelper(script, args = [], { env = process.env, execArgv = [] } = {}) {
  return track(
    fork(path.join(here, script), args, {
      env,
      execArgv,
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    }),
  );
}

/** Forks a server helper and resolves with its port once it listens. */
export async function startHelperServer(script, args = [], options = {}) {
  const t0 = performance.now();
  const child = forkHelper(script, args, options);
  const { port } = await nextMessage(child, "listening");
  return { child, port, url: `http://127.0.0.1:${port}`, listeningMs: performance.now() - t0 };
}

/**
 * Spawns `node apps/api/dist/server.js` with `env` (PORT=0, HOST=127.0.0.1 added) and resolves
 * once its first log line reports "listening". stdout stays piped and drained, as a log collector
 * would; `spawnedAt` is `performance.now()` just before the spawn.
 */
export async function startApiServer(env, nodeArgs = []) {
  const spawnedAt = performance.now();
  const child = track(
    spawn(process.execPath, [...nodeArgs, API_SERVER_JS], {
      env: { ...process.env, ...env, HOST: "127.0.0.1", PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const listening = new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (chunk) => {
      buffered += chunk;
      for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        let parsed;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue;
        }
        if (parsed.msg === "listening") {
          child.stdout.off("data", onData);
          child.stdout.resume(); // keep draining the request log
          resolve({ port: parsed.port, at: performance.now() });
          return;
        }
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) =>
      reject(
        new Error(`serving bench: api exited with ${code} before listening: ${stderr.trim()}`),
      ),
    );
  });
  const { port, at } = await withTimeout(listening, 30_000, "api start");
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    spawnedAt,
    listeningMs: at - spawnedAt,
  };
}

/**
 * Runs autocannon in its own process against `url` and resolves with its summary:
 * { requestsPerSec, requestsTotal, latency: { p50, p99, … } (ms), non2xx, errors, timeouts, durationS }.
 */
export async function runLoad(options) {
  const child = forkHelper("load-child.mjs", [JSON.stringify(options)]);
  try {
    return await nextMessage(child, "result", (options.duration ?? 10) * 1000 + 60_000);
  } finally {
    await stop(child);
  }
}

/** CPU time (user + system, ms) used so far by process `pid`, from /proc (Linux); NaN elsewhere. */
export function cpuTimeMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[11], fields[12] = utime, stime (fields 14 and 15 of proc(5)), in clock ticks (100/s).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}
