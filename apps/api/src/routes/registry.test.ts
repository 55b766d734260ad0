import { createSampleSource } from "@mle/market-client";
import { type ModelRegistry, openRegistry } from "@mle/registry";
import { saveSample } from "@mle/trainer/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { json, type RunningApi, tempRegistryPerTest } from "../../test/inference-support";

const source = createSampleSource({ seed: 11 });
const TOKEN = "test-admin-token-0123456789";
const temp = tempRegistryPerTest();
let models: ModelRegistry;

function api(env: Record<string, string> = {}) {
  return temp.startApi({ source, models }, env);
}
const admin = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const put = (a: RunningApi, path: string, body: unknown, headers: Record<string, string> = admin) =>
  a.get(path, { method: "PUT", headers, body: JSON.stringify(body) });

beforeEach(() => {
  models = openRegistry(temp.dir, { who: "tester@ci" });
});

describe("named models on the seed routes", () => {
  it("model= addresses another model; without it every route answers for the default model", async () => {
    const d1 = await saveSample(models.model(), source);
    await saveSample(models.model("btc-1m"), source, { lookback: 6 });
    const b2 = await saveSample(models.model("btc-1m"), source, { lookback: 8 });
    const a = await api();
    const listed = await json<{ model: string; models: { version: string }[] }>(
      await a.get("/models?model=btc-1m"),
    );
    expect([listed.model, listed.models.map((m) => m.version)]).toEqual(["btc-1m", ["v2", "v1"]]);
    expect((await json<{ models: unknown[] }>(await a.get("/models"))).models).toHaveLength(1);
    const p = await json<{ model_version: string }>(
      await a.get("/predict?symbol=AAPL&model=btc-1m"),
    );
    expect(p.model_version).toBe(b2);
    expect(
      (await json<{ model_version: string }>(await a.get("/predict?symbol=AAPL"))).model_version,
    ).toBe(d1);
    const details = await json<{ model: string; version: string; aliases: string[] }>(
      await a.get("/api/v1/model/active?model=btc-1m"),
    );
    expect([details.model, details.version, details.aliases]).toEqual(["btc-1m", b2, ["active"]]);
    const batch = await a.get("/predict/batch", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ symbols: ["AAPL"], model: "btc-1m", version: "v1" }),
    });
    const items = await json<{ results: { result: { model_version: string } }[] }>(batch);
    expect(items.results[0]?.result.model_version).toBe("v1");
  });

  it("an unknown model has no active version; a bad model name is 422 before any store access", async () => {
    await saveSample(models.model(), source);
    const a = await api();
    expect((await a.get("/predict?symbol=AAPL&model=nobody")).status).toBe(503);
    for (const bad of ["..%2Fx", "A", "x".repeat(65), "%2e%2e"]) {
      const res = await a.get(`/predict?symbol=AAPL&model=${bad}`);
      expect([res.status, (await json<{ error: { code: string } }>(res)).error.code], bad).toEqual([
        422,
        "VALIDATION_ERROR",
      ]);
    }
  });

  it("?version= takes an alias; /model/{alias} resolves it", async () => {
    const v1 = await saveSample(models.model(), source);
    await saveSample(models.model(), source, { lookback: 6 });
    await models.model().setAlias("champion", v1);
    const a = await api();
    const p = await json<{ model_version: string }>(
      await a.get("/predict?symbol=AAPL&version=champion"),
    );
    expect(p.model_version).toBe(v1);
    expect((await json<{ version: string }>(await a.get("/model/champion"))).version).toBe(v1);
  });
});

describe("/registry routes", () => {
  it("list models and aliases, move an alias (admin) and read the history", async () => {
    await saveSample(models.model(), source);
    await saveSample(models.model(), source, { lookback: 6, activate: false });
    await saveSample(models.model("eth"), source);
    const a = await api({ ADMIN_TOKEN: TOKEN });
    const listed = await json<{
      models: {
        name: string;
        version_count: number;
        latest_version: string | null;
        aliases: { alias: string }[];
      }[];
    }>(await a.get("/registry/models"));
    expect(
      listed.models.map((m) => [
        m.name,
        m.version_count,
        m.latest_version,
        m.aliases.map((x) => x.alias),
      ]),
    ).toEqual([
      ["default", 2, "v2", ["active"]],
      ["eth", 1, "v1", ["active"]],
    ]);
    const withoutToken = await api();
    expect(
      (await put(withoutToken, "/registry/models/default/aliases/champion", { version: "v2" }))
        .status,
    ).toBe(404);
    const noToken = { "content-type": "application/json" };
    // With a token configured, a request without it is 401.
    expect(
      (await put(a, "/registry/models/default/aliases/champion", { version: "v2" }, noToken))
        .status,
    ).toBe(401);
    const moved = await put(a, "/api/v1/registry/models/default/aliases/champion", {
      version: "v2",
      reason: "review passed",
    });
    expect(moved.status).toBe(200);
    expect(await json(moved)).toMatchObject({
      alias: "champion",
      from: null,
      to: "v2",
      who: "api",
      reason: "review passed",
    });
    const conflict = await put(a, "/registry/models/default/aliases/champion", {
      version: "v1",
      expect: "v1",
    });
    expect([
      conflict.status,
      (await json<{ error: { code: string } }>(conflict)).error.code,
    ]).toEqual([409, "ALIAS_CONFLICT"]);
    const missing = await put(a, "/registry/models/default/aliases/champion", { version: "v9" });
    expect(missing.status).toBe(404);
    const history = await json<{ history: { alias: string; to: string }[] }>(
      await a.get("/registry/models/default/history?alias=champion"),
    );
    expect(history.history.map((e) => [e.alias, e.to])).toEqual([["champion", "v2"]]);
    const aliases = await json<{ aliases: { alias: string; version: string }[] }>(
      await a.get("/registry/models/default/aliases"),
    );
    expect(aliases.aliases.map((x) => [x.alias, x.version])).toEqual([
      ["active", "v1"],
      ["champion", "v2"],
    ]);
  });

  it("rollback moves active back and the server serves the previous version at once", async () => {
    const v1 = await saveSample(models.model(), source);
    const v2 = await saveSample(models.model(), source, { lookback: 6 });
    const a = await api({ ADMIN_TOKEN: TOKEN });
    expect(
      (await json<{ model_version: string }>(await a.get("/predict?symbol=AAPL"))).model_version,
    ).toBe(v2);
    const res = await a.get("/registry/models/default/aliases/active/rollback", {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ reason: "bad fills" }),
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ from: v2, to: v1, who: "api", reason: "bad fills" });
    expect(
      (await json<{ model_version: string }>(await a.get("/predict?symbol=AAPL"))).model_version,
    ).toBe(v1);
    const again = await a.get("/registry/models/eth/aliases/active/rollback", {
      method: "POST",
      headers: admin,
    });
    expect([again.status, (await json<{ error: { code: string } }>(again)).error.code]).toEqual([
      404,
      "ALIAS_NOT_FOUND",
    ]);
  });
});

describe("Open Inference Protocol over named models", () => {
  it("/v2/models/{name} addresses a registered model; an empty or unknown one is 404", async () => {
    await saveSample(models.model(), source);
    const v = await saveSample(models.model("eth"), source, { lookback: 6 });
    const a = await api();
    const meta = await json<{ name: string; versions: string[] }>(await a.get("/v2/models/eth"));
    expect([meta.name, meta.versions]).toEqual(["eth", [v]]);
    expect((await a.get("/v2/models/eth/ready")).status).toBe(200);
    const infer = await a.get("/v2/models/eth/infer", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        inputs: [{ name: "symbols", datatype: "BYTES", shape: [1], data: ["AAPL"] }],
      }),
    });
    expect(infer.status, await infer.clone().text()).toBe(200);
    const viaPredict = await json<{ prediction: number }>(
      await a.get("/predict?symbol=AAPL&model=eth"),
    );
    const out = await json<{ model_name: string; outputs: { data: number[] }[] }>(infer);
    expect(out.model_name).toBe("eth");
    expect(out.outputs[0]?.data[0]).toBe(viaPredict.prediction);
    for (const name of ["nobody", "Bad..Name"]) {
      const res = await a.get(`/v2/models/${name}`);
      expect([name, res.status]).toEqual([name, 404]);
    }
  });
});
