import { createSampleSource } from "@mle/market-client";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { json, tempRegistryPerTest } from "../../test/inference-support";

const source = createSampleSource({ seed: 11 });
const TOKEN = "hot-reload-admin-token-42";
const temp = tempRegistryPerTest();

describe("activating versions while /predict is under load", () => {
  it("never fails a request and switches to each newly activated version", async () => {
    const v1 = await saveSample(temp.registry, source);
    const v2 = await saveSample(temp.registry, source, { lookback: 6, activate: false });
    const a = await temp.startApi(
      { source, registry: temp.registry },
      { ADMIN_TOKEN: TOKEN, INFERENCE_CACHE_TTL_MS: "0" },
    );
    const symbols = ["AAPL", "MSFT", "GOOG", "AMZN"];
    const statuses: number[] = [];
    const versions: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop && i < 200; i++) {
        const res = await a.get(`/predict?symbol=${symbols[(w + i) % symbols.length]}`);
        statuses.push(res.status);
        versions.push((await json<{ model_version: string }>(res)).model_version);
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));
    const activate = async (version: string) => {
      while (statuses.length < 10) await new Promise((r) => setTimeout(r, 5));
      const res = await a.get(`/models/${version}/activate`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(200);
      const mark = statuses.length;
      while (statuses.length < mark + 10) await new Promise((r) => setTimeout(r, 5));
    };
    await activate(v2);
    await activate(v1);
    stop = true;
    await load;
    expect(statuses.length).toBeGreaterThanOrEqual(30);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(new Set(versions)).toEqual(new Set([v1, v2]));
    expect(versions.at(-1)).toBe(v1);
  });
});
