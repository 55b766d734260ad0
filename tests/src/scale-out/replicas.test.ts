/**
 * Three stateless API replicas on one shared registry behind nginx, under a bounded load: the
 * alias moves several times, one replica is SIGKILLed and started again. Asserted: no failed
 * request at the client, every replica converges on each move, and every answer after
 * convergence carries the new version. Figures (convergence per move, p99 during a move vs
 * without) are printed, and written to bench/results/scale-out.json with MLE_RECORD_FIGURES=1.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "../reliability/support/api-process";
import { MLE_BIN, tinyConfig } from "../reliability/support/cli";
import { percentile, type Sample, startLoad } from "./support/load";
import { freePort, type Nginx, nginxBinary, startNginx } from "./support/nginx";
import { recordFigures } from "./support/figures";

const nginxPath = nginxBinary();
const missing = nginxPath ? null : "nginx (Debian package `nginx`; .ci/run installs it)";
if (missing && process.env.CI === "true") throw new Error(`CI=true and ${missing} is missing`);

const ADMIN_TOKEN = "replica-test-token";
const LOAD_CONNECTIONS = 50;
const SECONDS = Number(process.env.MLE_REPLICA_SECONDS ?? 12);

describe.skipIf(missing !== null)(
  `three API replicas behind nginx${missing ? ` (skipped: ${missing} is missing)` : ""}`,
  () => {
    let dir: string;
    let registry: string;
    const ports: number[] = [];
    const replicas: ApiProcess[] = [];
    let lb: Nginx;

    const replicaEnv = (port: number) => ({
      PORT: String(port),
      MODEL_REGISTRY_DIR: registry,
      ADMIN_TOKEN,
      MARKET_DATA_SOURCE: "sample",
      LOG_LEVEL: "info",
    });

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "mle-replicas-"));
      registry = path.join(dir, "models");
      for (const [i, alpha] of [1, 10, 100].entries()) {
        const config = path.join(dir, `train-${i}.yaml`);
        fs.writeFileSync(
          config,
          tinyConfig(registry, { model: { type: "ridge", alpha }, activate: i === 0 }),
        );
        const r = spawnSync(process.execPath, [MLE_BIN, "train", "-c", config], {
          encoding: "utf8",
          env: { PATH: process.env.PATH ?? "", CI: "true" },
        });
        expect(r.status, r.stderr).toBe(0);
      }
      for (let i = 0; i < 3; i++) ports.push(await freePort());
      replicas.push(...(await Promise.all(ports.map((p) => startApiProcess(replicaEnv(p))))));
      lb = await startNginx(nginxPath as string, ports);
    }, 120_000);

    afterAll(async () => {
      await lb?.close();
      await Promise.all(replicas.map((r) => r.stop()));
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    async function versionAt(url: string): Promise<string | null> {
      try {
        const res = await fetch(`${url}/predict?symbol=AAPL`);
        return res.ok ? ((await res.json()) as { model_version: string }).model_version : null;
      } catch {
        return null;
      }
    }

    it("serves every request, converges on each alias move and survives a SIGKILLed replica", async () => {
      // Every replica answers before the clock starts.
      for (const r of replicas) expect(await versionAt(r.url)).toBe("v1");
      const load = startLoad(`${lb.url}/predict?symbol=AAPL`, LOAD_CONNECTIONS);
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const moves: { target: string; at: number; converged: number }[] = [];
      const budget = SECONDS * 1000;
      await sleep(budget * 0.15);

      for (const target of ["v2", "v3", "v1"]) {
        const at = load.now();
        const res = await fetch(`${replicas[0]?.url}/models/${target}/activate`, {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        expect(res.status).toBe(200);
        const seen = await Promise.all(
          replicas.map(async (r) => {
            for (;;) {
              if ((await versionAt(r.url)) === target) return load.now();
              await sleep(20);
            }
          }),
        );
        moves.push({ target, at, converged: Math.max(...seen) });
        await sleep(budget * 0.12);
      }

      // A replica dies mid-load and comes back on its port: nginx retries its requests elsewhere.
      const victim = replicas[2] as ApiProcess;
      victim.child.kill("SIGKILL");
      await sleep(budget * 0.1);
      replicas[2] = await startApiProcess(replicaEnv(ports[2] as number));
      await sleep(budget * 0.15);
      const samples = await load.stop();

      const failed = samples.filter((s) => s.status !== 200);
      expect(samples.length).toBeGreaterThan(100);
      expect(failed.slice(0, 5), `${failed.length} failed requests`).toEqual([]);

      // After a move converged (and before the next move), every answer carries the new version.
      moves.forEach((move, i) => {
        const until = moves[i + 1]?.at ?? Number.POSITIVE_INFINITY;
        const after = samples.filter((s) => s.start > move.converged && s.end < until);
        expect(after.length).toBeGreaterThan(0);
        expect(after.filter((s) => s.version !== move.target)).toEqual([]);
      });

      const duringMove = (s: Sample) =>
        moves.some((m) => s.start >= m.at && s.start <= m.converged + 100);
      const latency = (s: Sample) => s.end - s.start;
      const figures = {
        replicas: 3,
        connections: LOAD_CONNECTIONS,
        seconds: SECONDS,
        requests: samples.length,
        failed: failed.length,
        requests_per_second: Math.round((samples.length / (samples.at(-1)?.end ?? 1)) * 1000),
        convergence_ms: moves.map((m) => Math.round(m.converged - m.at)),
        p99_ms_during_move: Math.round(percentile(samples.filter(duringMove).map(latency), 99)),
        p99_ms_without_move: Math.round(
          percentile(samples.filter((s) => !duringMove(s)).map(latency), 99),
        ),
        p50_ms: Math.round(percentile(samples.map(latency), 50)),
      };
      process.stdout.write(`scale-out replicas: ${JSON.stringify(figures)}\n`);
      recordFigures("replicas_fs", figures);
    }, 180_000);
  },
);
