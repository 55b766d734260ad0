/**
 * A private moto S3 server for tests, behind a TCP relay that can simulate an outage.
 * @module
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
} from "@aws-sdk/client-s3";
import { createS3Client } from "../s3/client";
import { type OutageMode, startRelay } from "./relay";

/** Credentials moto accepts (it checks none); pass them explicitly, never the developer's. */
export const MOTO_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" } as const;

export interface MotoServer {
  /** The client-facing endpoint, through the relay: `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Creates a bucket (directly on moto, so it works during an outage too). */
  createBucket(name: string): Promise<void>;
  /** Deletes every object of a bucket, then the bucket (directly on moto). */
  deleteBucket(name: string): Promise<void>;
  /** Drops every connection through the relay and refuses (or, `"hang"`, never answers) new ones. */
  cutOff(mode?: OutageMode): Promise<void>;
  /** Ends an outage; moto kept its state. */
  restore(): Promise<void>;
  /** Stops moto (SIGTERM, then SIGKILL) and the relay. */
  stop(): Promise<void>;
}

const INSTALL_HINT = "python3 with the moto package (pip install 'moto[server]')";
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;

let missingCache: string | null | undefined;

/**
 * What is missing to run moto, or null when `python3 -m moto.server` can start.
 *
 * @example
 * ```ts
 * const missing = motoMissing(); // "python3 with the moto package (pip install 'moto[server]') ..."
 * ```
 */
export function motoMissing(): string | null {
  if (missingCache !== undefined) return missingCache;
  const probe = spawnSync("python3", ["-c", "import moto.server, flask, flask_cors"], {
    encoding: "utf8",
    timeout: 30_000,
  });
  if (probe.error !== undefined) {
    missingCache = `${INSTALL_HINT}: python3 could not be run (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message})`;
  } else if (probe.status !== 0) {
    const last = probe.stderr.trim().split("\n").at(-1) ?? "";
    missingCache = `${INSTALL_HINT}: python3 says: ${last}`;
  } else {
    missingCache = null;
  }
  return missingCache;
}

/** A short bucket name unique to this process and moment (`prefix-<pid>-<time>-<random>`). */
export function uniqueBucket(prefix: string): string {
  const suffix = `${process.pid.toString(36)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const head = prefix
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/^-+/, "")
    .slice(0, 63 - suffix.length - 1);
  return `${head || "t"}-${suffix}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilAnswering(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `moto exited before answering (${child.exitCode ?? child.signalCode}): ${stderr()}`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`moto did not answer on ${url} within ${START_TIMEOUT_MS} ms: ${stderr()}`);
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts `python3 -m moto.server` on a free loopback port, behind a relay. Resolves null when moto
 * is missing, except under `CI=true`, where a missing moto is an error (a CI run that silently
 * skipped the S3 tests would pass for the wrong reason).
 *
 * @example
 * ```ts
 * const moto = await startMoto();
 * if (moto) { await moto.createBucket("b1"); createS3Backend({ bucket: "b1", endpoint: moto.endpoint, credentials: MOTO_CREDENTIALS }); }
 * ```
 */
export async function startMoto(): Promise<MotoServer | null> {
  const missing = motoMissing();
  if (missing !== null) {
    if (process.env.CI === "true") throw new Error(`the S3 tests need ${missing}`);
    return null;
  }
  const port = await freePort();
  const child = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderrTail = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-2000);
  });
  // A test process that dies without stop() must not leave moto behind.
  const onExit = () => child.kill("SIGKILL");
  process.once("exit", onExit);
  const direct = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(`${direct}/`, child, () => stderrTail.trim());
  } catch (e) {
    process.off("exit", onExit);
    await kill(child);
    throw e;
  }
  const relay = await startRelay(port);

  return {
    endpoint: `http://127.0.0.1:${relay.port}`,
    async createBucket(name) {
      const res = await fetch(`${direct}/${name}`, { method: "PUT" });
      if (!res.ok) throw new Error(`moto refused to create bucket ${name}: HTTP ${res.status}`);
    },
    async deleteBucket(name) {
      const client = createS3Client({ endpoint: direct, credentials: MOTO_CREDENTIALS });
      try {
        let token: string | undefined;
        do {
          const page = await client.send(
            new ListObjectsV2Command({
              Bucket: name,
              ...(token === undefined ? {} : { ContinuationToken: token }),
            }),
          );
          const objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
          if (objects.length > 0) {
            await client.send(
              new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: objects, Quiet: true } }),
            );
          }
          token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
        await client.send(new DeleteBucketCommand({ Bucket: name }));
      } finally {
        client.destroy();
      }
    },
    cutOff: (mode) => relay.cutOff(mode),
    restore: () => relay.restore(),
    async stop() {
      process.off("exit", onExit);
      await relay.close();
      await kill(child);
    },
  };
}
