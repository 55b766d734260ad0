import { createSampleSource } from "@mle/market-client";
import { saveSample } from "@mle/trainer/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { json, type RunningApi, tempRegistryPerTest } from "../../test/inference-support";

const source = createSampleSource({ seed: 11 });
const temp = tempRegistryPerTest();
let a: RunningApi;

type Item =
  | {
      symbol: string;
      ok: true;
      result: { symbol: string; model_version: string; prediction: number };
    }
  | { symbol: string; ok: false; error: { code: string; message: string; status: number } };

function post(body: string, contentType = "application/json") {
  return a.get("/predict/batch", {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
}

beforeEach(async () => {
  await saveSample(temp.registry, source);
  a = await temp.startApi({ source, registry: temp.registry });
});

describe("POST /predict/batch", () => {
  it("answers each distinct symbol with a result or its own error, in first-seen order", async () => {
    const res = await post(
      JSON.stringify({ symbols: ["AAPL", "bad/sym", "msft", "aapl", "", "GOOG"] }),
    );
    expect(res.status).toBe(200);
    const { results } = await json<{ results: Item[] }>(res);
    expect(results.map((r) => [r.symbol, r.ok])).toEqual([
      ["AAPL", true],
      ["bad/sym", false],
      ["MSFT", true],
      ["", false],
      ["GOOG", true],
    ]);
    const bad = results[1]!;
    expect(!bad.ok && bad.error).toMatchObject({ code: "INVALID_SYMBOL", status: 422 });
    const single = await json(await a.get("/predict?symbol=GOOG"));
    const goog = results[4]!;
    expect(goog.ok && goog.result).toEqual(single);
  });

  it("answers the same under /api/v1", async () => {
    const body = JSON.stringify({ symbols: ["AAPL"] });
    const direct = await json(await post(body));
    const versioned = await json(
      await a.get("/api/v1/predict/batch", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    expect(versioned).toEqual(direct);
  });

  it("refuses a body that is not declared as JSON with 415", async () => {
    const res = await post(JSON.stringify({ symbols: ["AAPL"] }), "text/plain");
    expect(res.status).toBe(415);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("refuses malformed JSON, no symbols and more than 100 symbols with 422", async () => {
    const tooMany = JSON.stringify({ symbols: Array.from({ length: 101 }, (_, i) => `S${i}`) });
    for (const body of ["{not json", "[]", "{}", '{"symbols":[]}', tooMany, '{"symbols":"AAPL"}']) {
      const res = await post(body);
      expect(res.status, body.slice(0, 20)).toBe(422);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe("VALIDATION_ERROR");
    }
  });

  it("rejects a 10 MB body with 413 PAYLOAD_TOO_LARGE (BODY_LIMIT_BYTES)", async () => {
    const res = await post(JSON.stringify({ symbols: ["A".repeat(10 * 1024 * 1024)] }));
    expect(res.status).toBe(413);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("accepts exactly 100 symbols", async () => {
    const symbols = Array.from({ length: 100 }, (_, i) => `S${i}`);
    const res = await post(JSON.stringify({ symbols }));
    expect(res.status).toBe(200);
    const { results } = await json<{ results: Item[] }>(res);
    expect(results).toHaveLength(100);
    expect(results.every((r) => r.ok)).toBe(true);
  });
});
