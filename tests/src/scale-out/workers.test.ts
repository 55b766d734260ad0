/**
 * Training jobs on Redis whose workers save into an `s3://` registry on moto: the same sweep run
 * by 1 worker and by 3 workers yields one complete version per point in the bucket, each with its
 * job id in its metadata and byte-identical model.json across the two runs. Jobs per second with
 * 1 and 3 workers are printed, and written to bench/results/scale-out.json with
 * MLE_RECORD_FIGURES=1.
 */
import fs from "node:fs";
import path from "node:path";
import { deletePrefix, machineRedis, uniquePrefix, waitFor } from "@mle/jobs/testing";
import { openRegistry } from "@mle/registry";
import { MOTO_CREDENTIALS } from "@mle/registry/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMle } from "../reliability/support/cli";
import { recordFigures } from "./support/figures";
import { missingFor, type OpenedRegistry, REGISTRY_KINDS } from "./support/registry-kinds";
import { startWorker, type WorkerProcess } from "./support/workers";

const s3 = REGISTRY_KINDS.find((k) => k.name === "s3");
if (!s3) throw new Error("no s3 registry kind");
const redis = await machineRedis(); // throws under CI=true when Redis is missing
const missing = missingFor(s3, ["missing" in redis ? redis.missing : null]);

const ALPHAS = [0.01, 0.1, 1, 10, 100, 1000];
const CONFIG = JSON.stringify({
  symbols: ["AAPL", "MSFT"],
  lookback: 5,
  candles: 160,
  cv: { folds: 2, gap: 0 },
});

describe.skipIf(missing !== null)(
  `mle worker pools saving into an s3:// registry on moto${missing ? ` (skipped: ${missing} is missing)` : ""}`,
  () => {
    let reg: OpenedRegistry;
    const prefixes: string[] = [];
    const workers: WorkerProcess[] = [];

    beforeAll(async () => {
      reg = await s3.open();
    }, 60_000);
    afterAll(async () => {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
      if ("url" in redis) for (const p of prefixes) await deletePrefix(redis.url, p);
      await reg?.close();
    }, 30_000);

    it("runs a sweep with 1 and with 3 workers into the bucket: one verified version per point, identical models", async () => {
      const configFile = path.join(reg.dir, "train.yaml");
      const sweepFile = path.join(reg.dir, "sweep.yaml");
      fs.writeFileSync(configFile, CONFIG);
      fs.writeFileSync(sweepFile, `metric: rmse\ngrid:\n  model.alpha: [${ALPHAS.join(", ")}]\n`);
      const shaByAlpha: Record<string, string>[] = [];
      const jobsPerSecond: Record<string, number> = {};

      for (const count of [1, 3]) {
        const prefix = uniquePrefix();
        prefixes.push(prefix);
        const url = "url" in redis ? redis.url : "";
        const env = {
          ...reg.env,
          REDIS_URL: url,
          MLE_JOBS_PREFIX: prefix,
          MARKET_DATA_SOURCE: "sample",
        };
        // One prefix of the bucket per run: different registries, so different job ids.
        const location = `${reg.location}-w${count}`;
        for (let i = 0; i < count; i++) {
          workers.push(await startWorker(["--concurrency", "1"], env));
        }
        const pool = workers.slice(-count);

        const t0 = Date.now();
        const submitted = await runMle(
          [
            "jobs",
            "submit",
            "-c",
            configFile,
            "--sweep",
            sweepFile,
            "--registry",
            location,
            "--json",
          ],
          { cwd: reg.dir, env },
        );
        expect(submitted.code, submitted.stderr).toBe(0);
        const { sweepId, jobs } = JSON.parse(submitted.stdout) as {
          sweepId: string;
          jobs: { id: string; created: boolean }[];
        };
        expect(jobs).toHaveLength(ALPHAS.length);
        const done = await waitFor(
          async () => {
            const all = pool.flatMap((w) => w.completed());
            return all.length >= ALPHAS.length && all;
          },
          90_000,
          `${ALPHAS.length} jobs on ${count} worker(s)`,
          100,
        );
        const elapsed = Math.max(...done.map((d) => d.at)) - t0;
        jobsPerSecond[`workers_${count}`] = Number(((ALPHAS.length * 1000) / elapsed).toFixed(2));
        await Promise.all(pool.map((w) => w.stop()));
        if (count > 1) expect(pool.every((w) => w.completed().length > 0)).toBe(true);

        const results = await runMle(["jobs", "results", sweepId, "--json"], { cwd: reg.dir, env });
        expect(results.code, results.stderr).toBe(0);
        const points = (
          JSON.parse(results.stdout) as {
            points: { state: string; version: string; params: Record<string, number> }[];
          }
        ).points;
        expect(points.map((p) => p.state)).toEqual(ALPHAS.map(() => "completed"));

        // The bucket holds exactly one complete, verified version per point, job id recorded.
        const model = openRegistry(location, {
          backend: {
            s3: { endpoint: reg.env.AWS_ENDPOINT_URL_S3 as string, credentials: MOTO_CREDENTIALS },
          },
        }).model();
        const listed = await model.list();
        expect(listed.map((e) => e.status)).toEqual(ALPHAS.map(() => "ok"));
        const byAlpha: Record<string, string> = {};
        for (const point of points) {
          const details = await model.get(point.version);
          const metadata = details.metadata as {
            job_id?: string;
            artifacts?: Record<string, { sha256: string }>;
          };
          expect(jobs.map((j) => j.id)).toContain(metadata.job_id);
          byAlpha[String(point.params["model.alpha"])] = metadata.artifacts?.["model.json"]
            ?.sha256 as string;
        }
        shaByAlpha.push(byAlpha);
      }

      expect(Object.keys(shaByAlpha[0] ?? {}).sort()).toEqual(ALPHAS.map(String).sort());
      expect(shaByAlpha[1]).toEqual(shaByAlpha[0]);
      const figures = { jobs: ALPHAS.length, registry: "s3", jobs_per_second: jobsPerSecond };
      process.stdout.write(`scale-out workers: ${JSON.stringify(figures)}\n`);
      recordFigures("workers_s3", figures);
    }, 240_000);
  },
);
