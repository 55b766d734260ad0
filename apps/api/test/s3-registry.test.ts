/**
 * The API on an `s3://` registry (a real S3-compatible server: moto, started here): it serves the
 * models trained into the bucket, follows an alias move within MODEL_RELOAD_MS, and while the
 * store is unreachable keeps serving the model it loaded, with /ready saying why, then recovers.
 */
import { createSampleSource } from "@mle/market-client";
import { type ModelRegistry, openRegistry } from "@mle/registry";
import {
  MOTO_CREDENTIALS,
  type MotoServer,
  motoMissing,
  startMoto,
  uniqueBucket,
} from "@mle/registry/testing";
import { saveSample } from "@mle/trainer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, type RunningApi, startApi } from "./inference-support";

const missing = motoMissing();
if (missing && process.env.CI !== "true")
  console.warn(`skipping the S3 API test: it needs ${missing}`);
const source = createSampleSource({ seed: 5 });

describe.skipIf(missing !== null && process.env.CI !== "true")(
  "the API on an S3 registry (moto)",
  () => {
    let moto: MotoServer;
    let bucket: string;
    let models: ModelRegistry;
    let a: RunningApi;

    beforeAll(async () => {
      const started = await startMoto();
      if (!started) throw new Error("moto is missing");
      moto = started;
      bucket = uniqueBucket("api");
      await moto.createBucket(bucket);
      models = openRegistry(`s3://${bucket}/prod`, {
        backend: {
          s3: { endpoint: moto.endpoint, credentials: MOTO_CREDENTIALS, requestTimeoutMs: 500 },
        },
      });
      a = await startApi({ source, models }, { MODEL_RELOAD_MS: "100" });
    }, 60_000);
    afterAll(async () => {
      await a?.close();
      await moto?.restore();
      await moto?.deleteBucket(bucket);
      await moto?.stop();
    }, 30_000);

    const served = async () =>
      (await json<{ model_version: string }>(await a.get("/predict?symbol=AAPL"))).model_version;

    it("serves, follows a move, keeps serving through an outage with /ready 503, and recovers", async () => {
      const v1 = await saveSample(models.model(), source);
      expect(await served()).toBe(v1);
      const v2 = await saveSample(models.model(), source, { lookback: 6 });
      // Background reload: within a few intervals the new version answers.
      let now = await served();
      for (let i = 0; i < 50 && now !== v2; i++) {
        await new Promise((r) => setTimeout(r, 50));
        now = await served();
      }
      expect(now).toBe(v2);

      await moto.cutOff("refuse");
      const ready = await a.get("/ready");
      expect(ready.status).toBe(503);
      expect(await json(ready)).toMatchObject({
        ready: false,
        version: v2,
        code: "REGISTRY_UNAVAILABLE",
      });
      for (let i = 0; i < 5; i++) expect(await served()).toBe(v2);
      const listed = await a.get("/models");
      expect([listed.status, (await json<{ error: { code: string } }>(listed)).error.code]).toEqual(
        [503, "REGISTRY_UNAVAILABLE"],
      );

      await moto.restore();
      let back = await a.get("/ready");
      for (let i = 0; i < 50 && back.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        back = await a.get("/ready");
      }
      expect(await json(back)).toEqual({ ready: true, version: v2 });
    }, 60_000);
  },
);
