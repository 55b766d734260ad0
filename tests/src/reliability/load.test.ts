/**
 * A bounded load run over real loopback HTTP: createApp on @hono/node-server with the sample
 * source and a temp registry (v1, v2), 3 rounds of 700 mixed requests (2 100 in all: 60 %
 * /predict over 10 symbols with the prediction cache off, 25 % /features with varying lookbacks,
 * 15 % /models) from 20 concurrent clients. In rounds 2 and 3 another version is hot-activated
 * over HTTP a quarter of the way through.
 *
 * Heap: measured after forced full GCs, after round 1 (warm: caches and JIT settled) and after
 * round 3; tolerance 4 MiB for the 1 400 requests in between (≈ 3 KiB per request: a leak of
 * anything request-sized, e.g. a kept candle array, a response body or a timer closure, exceeds
 * it). Each round checks its answers and keeps only their versions, so the test itself holds no
 * response between the two measurements.
 */

import { createApp, loadApiConfig } from "@mle/api";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainRegistry } from "./support/fixture";
import { exposeGc, settledHeapUsed } from "./support/heap";
import { type Outcome, pool, SYMBOLS } from "./support/load";
import { type Served, serveFetch } from "./support/serve";
import { tempDir } from "./support/temp";

const ROUND = 700;
const CONCURRENCY = 20;
const HEAP_TOLERANCE = 4 * 1024 * 1024;
const ADMIN_TOKEN = "load-test-admin-token-000000";

let base: { dir: string; cleanup: () => Promise<void> };
let api: Served;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

function pathFor(i: number): string {
  const slot = i % 20;
  const symbol = SYMBOLS[i % SYMBOLS.length] as string;
  if (slot < 12) return `/predict?symbol=${symbol}`;
  if (slot < 17) return `/features?symbol=${symbol}&lookback=${5 + (i % 16)}&limit=50`;
  return "/models";
}

interface RoundResult {
  /** [sent at, model_version] of every /predict answer. */
  readonly versions: Array<readonly [number, string]>;
  readonly activatedAt: number;
}

/** One round; when `activate` is given, that version is activated after a quarter of the requests. */
async function round(activate?: string): Promise<RoundResult> {
  let activatedAt = Number.POSITIVE_INFINITY;
  let activation: Promise<void> | undefined;
  const outcomes = await pool(api.url, ROUND, CONCURRENCY, pathFor, (_o, i) => {
    if (activate && i === ROUND / 4 && !activation) {
      activation = fetch(`${api.url}/models/${activate}/activate`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      }).then(async (res) => {
        expect(res.status, await res.text()).toBe(200);
        activatedAt = performance.now();
      });
    }
  });
  await activation;
  if (activation) {
    // On a loaded machine the activation (verify, pointer, history, reload) can answer after the
    // round's last request was sent: a few more then show what is served once it answered.
    outcomes.push(
      ...(await pool(api.url, 20, 4, (i) => `/predict?symbol=${SYMBOLS[i % SYMBOLS.length]}`)),
    );
  }
  expectAllCorrect(outcomes);
  const versions = outcomes
    .filter((o) => o.path.startsWith("/predict"))
    .map((o) => [o.startedAt, (o.body as { model_version: string }).model_version] as const);
  return { versions, activatedAt };
}

function expectAllCorrect(outcomes: readonly Outcome[]): void {
  const failed = outcomes.filter((o) => o.status !== 200);
  expect(failed.map((o) => `${o.path} ${o.status} ${o.text}`)).toEqual([]);
  for (const o of outcomes) {
    if (o.path.startsWith("/predict")) {
      const p = o.body as { prediction: number; confidence: number; model_version: string };
      expect(Number.isFinite(p.prediction)).toBe(true);
      expect(p.confidence).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    } else if (o.path.startsWith("/features")) {
      expect((o.body as { features: unknown[] }).features).toHaveLength(50);
    } else {
      expect((o.body as { models: unknown[] }).models).toHaveLength(2);
    }
  }
}

/** Predictions sent after the activation answered use the new version; both versions were served. */
function expectSwitched(run: RoundResult, from: string, to: string): void {
  expect(new Set(run.versions.map(([, v]) => v))).toEqual(new Set([from, to]));
  const later = run.versions.filter(([at]) => at > run.activatedAt);
  expect(later.length).toBeGreaterThan(0);
  expect(new Set(later.map(([, v]) => v))).toEqual(new Set([to]));
}

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  base = await tempDir();
  const dir = await trainRegistry(base.dir);
  const app = createApp({
    source: createSampleSource(),
    registry: createRegistry({ dir }),
    config: loadApiConfig(
      { LOG_LEVEL: "silent", ADMIN_TOKEN, INFERENCE_CACHE_TTL_MS: "0" },
      { cwd: base.dir },
    ),
  });
  api = await serveFetch(app.fetch);
});

afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await api?.close();
  await base?.cleanup();
});

describe(`load: 3 rounds of ${ROUND} mixed requests, ${CONCURRENCY} concurrent`, () => {
  it("answers every request correctly, hot-activates versions mid-round without a failed request, and the heap does not grow", async () => {
    const gc = exposeGc();
    await round();
    const heapAfterFirst = await settledHeapUsed(gc);

    const second = await round("v1");
    expectSwitched(second, "v2", "v1");

    expectSwitched(await round("v2"), "v1", "v2");
    const heapAfterThird = await settledHeapUsed(gc);

    const growth = heapAfterThird - heapAfterFirst;
    console.info(
      `load: heap after round 1 ${(heapAfterFirst / 2 ** 20).toFixed(1)} MiB, after round 3 ${(heapAfterThird / 2 ** 20).toFixed(1)} MiB (growth ${(growth / 2 ** 10).toFixed(0)} KiB)`,
    );
    expect(growth).toBeLessThan(HEAP_TOLERANCE);
    expect(rejections).toEqual([]);
  });
});
