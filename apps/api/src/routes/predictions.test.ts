import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createSampleSource } from "@mle/market-client";
import { type ModelRegistry, openRegistry, type Registry } from "@mle/registry";
import { PREDICTIONS_FILE, PREDICTIONS_FILE as TRAINER_PREDICTIONS_FILE } from "@mle/trainer";
import { saveSample } from "@mle/trainer/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { json, tempRegistryPerTest } from "../../test/inference-support";
import { trainWithPredictions } from "../../test/predictions-support";

const source = createSampleSource({ seed: 5 });
const temp = tempRegistryPerTest();
let models: ModelRegistry;
let registry: Registry;

function api() {
  return temp.startApi({ source, registry, models });
}

async function code(res: Response): Promise<[number, string]> {
  return [res.status, (await json<{ error: { code: string } }>(res)).error.code];
}

beforeEach(() => {
  models = openRegistry(temp.dir);
  registry = models.model();
});

describe("GET /model/{version}/predictions", () => {
  it("serves the file name the trainer stores", () => {
    expect(PREDICTIONS_FILE).toBe(TRAINER_PREDICTIONS_FILE);
  });

  it("answers the stored predictions artifact unchanged, by version, alias and under /api/v1", async () => {
    const trained = await trainWithPredictions(source);
    const { version } = await registry.save(trained.artifacts, { activate: true });
    await registry.setAlias("champion", version);
    const a = await api();
    const res = await a.get(`/model/${version}/predictions`);
    expect(res.status).toBe(200);
    const body = await json(res);
    // Round-tripped through JSON, as the registry stores it.
    expect(body).toEqual(JSON.parse(JSON.stringify(trained.predictions)));
    expect(body.format).toBe("mle.predictions");
    expect((body.fold as number[]).includes(-1)).toBe(true);
    for (const path of ["/model/champion/predictions", "/model/active/predictions"]) {
      expect(await json(await a.get(path))).toEqual(body);
    }
    expect(await json(await a.get(`/api/v1/model/${version}/predictions`))).toEqual(body);
  });

  it("addresses a named model with model=", async () => {
    const trained = await trainWithPredictions(source, { alpha: 0.5 });
    const { version } = await models.model("btc").save(trained.artifacts);
    const a = await api();
    const res = await a.get(`/model/${version}/predictions?model=btc`);
    expect(res.status).toBe(200);
    expect((await json(res)).level).toBe(trained.predictions.level);
    expect(await code(await a.get(`/model/${version}/predictions?model=nope`))).toEqual([
      404,
      "MODEL_NOT_FOUND",
    ]);
  });

  it("is 404 PREDICTIONS_NOT_FOUND for a version trained without them", async () => {
    const version = await saveSample(registry, source);
    const res = await (await api()).get(`/model/${version}/predictions`);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect([res.status, body.error.code]).toEqual([404, "PREDICTIONS_NOT_FOUND"]);
    expect(body.error.message).toContain(version);
  });

  it("is 404 for an unknown version or alias and 422 for a malformed one", async () => {
    await registry.save((await trainWithPredictions(source)).artifacts, { activate: true });
    const a = await api();
    expect(await code(await a.get("/model/v99/predictions"))).toEqual([404, "MODEL_NOT_FOUND"]);
    expect(await code(await a.get("/model/nobody/predictions"))).toEqual([404, "ALIAS_NOT_FOUND"]);
    expect(await code(await a.get("/model/v0/predictions"))).toEqual([422, "VALIDATION_ERROR"]);
    expect(await code(await a.get("/model/BAD..NAME/predictions"))).toEqual([
      422,
      "VALIDATION_ERROR",
    ]);
    expect(await code(await a.get("/model/v1/predictions?model=..%2Fx"))).toEqual([
      422,
      "VALIDATION_ERROR",
    ]);
  });

  it("is 503 MODEL_CORRUPT when the stored predictions fail verification", async () => {
    const saved = await registry.save((await trainWithPredictions(source)).artifacts);
    await writeFile(join(saved.path, PREDICTIONS_FILE), '{"format":"mle.predictions"}');
    const version = saved.version;
    expect(await code(await (await api()).get(`/model/${version}/predictions`))).toEqual([
      503,
      "MODEL_CORRUPT",
    ]);
  });
});

describe("GET /model/{version} evaluation", () => {
  it("includes evaluation.json with its verdict when the version has one", async () => {
    const trained = await trainWithPredictions(source);
    const { version } = await registry.save(trained.artifacts, { activate: true });
    const legacy = await saveSample(registry, source, { activate: false });
    const a = await api();
    const body = await json<{ evaluation?: { verdict: { text: string } } }>(
      await a.get(`/model/${version}`),
    );
    expect(body.evaluation?.verdict.text).toBe(trained.evaluation.verdict.text);
    // A version saved without one says so with null (the field is always there).
    expect(await json(await a.get(`/model/${legacy}`))).toMatchObject({ evaluation: null });
  });
});
