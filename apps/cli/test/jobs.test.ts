import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deletePrefix, machineRedis, uniquePrefix, waitFor } from "@mle/jobs/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../src/testing/test-deps";
import { smallTrainConfig } from "../src/testing/train-config";
import { BIN, cleanEnv, mle } from "./spawn";

const redis = await machineRedis();
const url = "url" in redis ? redis.url : "";
const CONFIG = smallTrainConfig({ candles: 240, registryDir: null });

let tmp: TempDir;
const prefixes: string[] = [];
const children: ChildProcess[] = [];
beforeAll(async () => {
  tmp = await createTempDir("mle-jobs-cli-");
});
afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
});
afterAll(async () => {
  if (url) for (const p of prefixes) await deletePrefix(url, p);
  await tmp?.cleanup();
});

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

/** A long-running `mle` (worker, upstream) whose output is collected; resolves on its first line. */
function start(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess & { output: () => string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (out += d));
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`mle ${args.join(" ")} exited ${code}: ${out}`)));
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      const first = out === "" || !out.includes("\u0000started");
      out += d;
      if (first) {
        out += "\u0000started";
        resolve(Object.assign(child, { output: () => out }));
      }
    });
  });
}

const versionsOf = (registry: string) =>
  readdirSync(registry)
    .filter((f) => /^v\d+$/.test(f))
    .sort();
const json = (text: string) => JSON.parse(text);

describe.skipIf("missing" in redis)(
  `mle jobs and mle worker on Redis ${"missing" in redis ? `(skipped: ${redis.missing})` : ""}`,
  () => {
    it("runs a sweep with 1 worker and with 3 workers into byte-identical model.json per point, one version each", async () => {
      const prefix = uniquePrefix();
      prefixes.push(prefix);
      const env = cleanEnv({
        REDIS_URL: url,
        MLE_JOBS_PREFIX: prefix,
        MARKET_DATA_SOURCE: "sample",
      });
      const config = await tmp.file("sweep-train.yaml", CONFIG);
      const sweep = await tmp.file(
        "sweep.yaml",
        "metric: rmse\ngrid:\n  model.alpha: [0.1, 10, 1000]\n",
      );
      const modelsByPoint: Record<string, Buffer>[] = [];

      for (const [run, workers] of [
        [1, 1],
        [2, 3],
      ] as const) {
        const registry = path.join(tmp.dir, `registry-${run}`);
        const submitted = await mle(
          ["jobs", "submit", "-c", config, "--sweep", sweep, "--registry-dir", registry, "--json"],
          { env },
        );
        expect(submitted.code, submitted.stderr).toBe(0);
        const { sweepId, jobs } = json(submitted.stdout) as {
          sweepId: string;
          jobs: { id: string; created: boolean }[];
        };
        expect(jobs).toHaveLength(3);
        expect(jobs.every((j) => j.created)).toBe(true);
        // Submitting the same sweep again adds nothing.
        const again = json(
          (
            await mle(
              [
                "jobs",
                "submit",
                "-c",
                config,
                "--sweep",
                sweep,
                "--registry-dir",
                registry,
                "--json",
              ],
              { env },
            )
          ).stdout,
        );
        expect(again.jobs.map((j: { created: boolean }) => j.created)).toEqual([
          false,
          false,
          false,
        ]);

        for (let w = 0; w < workers; w++) await start(["worker", "--concurrency", "1"], env);
        const results = await waitFor(
          async () => {
            const r = await mle(["jobs", "results", sweepId, "--json"], { env });
            const body = json(r.stdout) as {
              points: { state: string; version: string; params: Record<string, number> }[];
            };
            return body.points.every((p) => p.state === "completed") && body;
          },
          60_000,
          `sweep ${sweepId} to complete with ${workers} worker(s)`,
          500,
        );
        await Promise.all(children.splice(0).map(stop));

        expect(versionsOf(registry)).toEqual(["v1", "v2", "v3"]);
        const byPoint: Record<string, Buffer> = {};
        for (const point of results.points) {
          const dir = path.join(registry, point.version);
          expect(json(readFileSync(path.join(dir, "metadata.json"), "utf8")).job_id).toMatch(
            /^train-[0-9a-f]{32}$/,
          );
          byPoint[String(point.params["model.alpha"])] = readFileSync(path.join(dir, "model.json"));
        }
        modelsByPoint.push(byPoint);

        const ranked = await mle(["jobs", "results", sweepId], { env });
        expect(ranked.code).toBe(0);
        expect(ranked.stdout).toMatch(/rank\s+model\.alpha\s+state\s+version\s+val rmse/);
      }
      expect(Object.keys(modelsByPoint[0] ?? {}).sort()).toEqual(["0.1", "10", "1000"]);
      for (const alpha of ["0.1", "10", "1000"]) {
        expect(modelsByPoint[1]?.[alpha]?.equals(modelsByPoint[0]?.[alpha] as Buffer)).toBe(true);
      }
    }, 180_000);

    it("finishes the job of a worker SIGKILLed mid-job on another worker: exactly one complete version", async () => {
      const prefix = uniquePrefix();
      prefixes.push(prefix);
      const upstream = await start(
        ["upstream", "serve", "--source", "sample", "--port", "0", "--latency-ms", "1500"],
        cleanEnv(),
      );
      const port = /:(\d+)/.exec(upstream.output())?.[1];
      expect(port).toBeDefined();
      const env = cleanEnv({
        REDIS_URL: url,
        MLE_JOBS_PREFIX: prefix,
        MARKET_DATA_SOURCE: "http",
        MARKET_DATA_BASE_URL: `http://127.0.0.1:${port}`,
        MARKET_DATA_TIMEOUT_MS: "10000",
      });
      const registry = path.join(tmp.dir, "registry-kill");
      const config = await tmp.file("kill-train.yaml", CONFIG);
      const submitted = await mle(
        ["jobs", "submit", "-c", config, "--registry-dir", registry, "--json"],
        { env },
      );
      expect(submitted.code, submitted.stderr).toBe(0);
      const { id } = json(submitted.stdout) as { id: string };

      const workerArgs = ["worker", "--lock-ms", "1500", "--stalled-check-ms", "500"];
      const first = await start(workerArgs, env);
      await waitFor(
        async () => first.output().includes(`started ${id}`),
        20_000,
        "the first worker to take the job",
        100,
      );
      first.kill("SIGKILL");
      const second = await start(workerArgs, env);
      await waitFor(
        async () => second.output().includes(`completed ${id}`),
        60_000,
        "the second worker to complete the job",
        100,
      );

      const shown = json((await mle(["jobs", "show", id, "--json"], { env })).stdout);
      expect(shown.state).toBe("completed");
      expect(versionsOf(registry)).toEqual(["v1"]);
      const files = readdirSync(path.join(registry, "v1")).sort();
      expect(files).toEqual(
        expect.arrayContaining(["metadata.json", "model.json", "metrics.json"]),
      );
      expect(json(readFileSync(path.join(registry, "v1", "metadata.json"), "utf8")).job_id).toBe(
        id,
      );
      expect(shown.result.version).toBe("v1");
    }, 120_000);

    it("says clearly when Redis is unreachable and exits 1", async () => {
      const r = await mle(["jobs", "list"], {
        env: cleanEnv({ REDIS_URL: "redis://127.0.0.1:1" }),
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/REDIS_UNAVAILABLE.*127\.0\.0\.1:1/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  },
);
