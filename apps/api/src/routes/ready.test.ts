import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createSampleSource } from "@mle/market-client";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { json, tempRegistryPerTest } from "../../test/inference-support";

const source = createSampleSource({ seed: 11 });
const temp = tempRegistryPerTest();

type Ready = { ready: boolean; version: string | null; reason?: string; code?: string };

describe("GET /ready", () => {
  it("is 200 with the version once the active model is loaded and verified", async () => {
    const v1 = await saveSample(temp.registry, source);
    const a = await temp.startApi({ source, registry: temp.registry });
    const res = await a.get("/ready");
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ready: true, version: v1 });
    expect(await json(await a.get("/api/v1/ready"))).toEqual({ ready: true, version: v1 });
  });

  it("keeps serving the last good model when the newly active version is corrupt, and says why", async () => {
    const v1 = await saveSample(temp.registry, source);
    const a = await temp.startApi({ source, registry: temp.registry });
    expect((await a.get("/predict?symbol=AAPL")).status).toBe(200);
    const v2 = await saveSample(temp.registry, source, { lookback: 6 });
    await writeFile(join(temp.dir, v2, "model.json"), '{"format":"tampered"}');
    const res = await a.get("/ready");
    expect(res.status).toBe(503);
    const body = await json<Ready>(res);
    expect(body).toMatchObject({ ready: false, version: v1, code: "MODEL_CORRUPT" });
    expect(body.reason).toContain(v2);
    expect(body.reason).toContain("model.json");
    expect(body.reason).not.toContain(temp.dir);
    const p = await a.get("/predict?symbol=AAPL");
    expect(p.status).toBe(200);
    expect((await json<{ model_version: string }>(p)).model_version).toBe(v1);
  });

  it("reports a deleted active version folder while the loaded model keeps answering", async () => {
    const v1 = await saveSample(temp.registry, source);
    const a = await temp.startApi({ source, registry: temp.registry });
    expect((await a.get("/predict?symbol=AAPL")).status).toBe(200);
    await rm(join(temp.dir, v1), { recursive: true, force: true });
    const res = await a.get("/ready");
    expect(res.status).toBe(503);
    expect(await json(res)).toMatchObject({ ready: false, version: v1 });
    expect((await a.get("/predict?symbol=AAPL")).status).toBe(200);
    expect((await a.get("/health")).status).toBe(200);
  });
});
