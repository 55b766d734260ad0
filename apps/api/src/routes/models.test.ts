import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createSampleSource } from "@mle/market-client";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { json, type RunningApi, tempRegistryPerTest } from "../../test/inference-support";

const source = createSampleSource({ seed: 11 });
const TOKEN = "test-admin-token-0123456789";
const temp = tempRegistryPerTest();

function api(env: Record<string, string> = {}) {
  return temp.startApi({ source, registry: temp.registry }, env);
}

async function code(res: Response): Promise<[number, string]> {
  return [res.status, (await json<{ error: { code: string } }>(res)).error.code];
}

function activate(a: RunningApi, version: string, token?: string) {
  return a.get(`/models/${version}/activate`, {
    method: "POST",
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

describe("GET /models", () => {
  it("lists versions newest first with status, active flag and validation metrics", async () => {
    const v1 = await saveSample(temp.registry, source);
    const v2 = await saveSample(temp.registry, source, { lookback: 6, activate: false });
    const a = await api();
    const body = await json<{
      active_version: string;
      models: Array<{
        version: string;
        status: string;
        is_active: boolean;
        metrics: Record<string, number>;
      }>;
    }>(await a.get("/models"));
    expect(body.active_version).toBe(v1);
    expect(body.models.map((m) => [m.version, m.is_active, m.status])).toEqual([
      [v2, false, "ok"],
      [v1, true, "ok"],
    ]);
    expect(Object.keys(body.models[0]!.metrics).sort()).toEqual([
      "directional_accuracy",
      "r2",
      "rmse",
    ]);
    expect(body.models[0]!.metrics.rmse).toBeGreaterThan(0);
    expect(await json(await a.get("/api/v1/models"))).toEqual(body);
  });

  it("answers an empty list before anything is trained", async () => {
    const a = await api();
    expect(await json(await a.get("/models"))).toEqual({
      model: "default",
      active_version: null,
      models: [],
    });
  });
});

describe("GET /model/{version}", () => {
  it("returns metadata, metrics, feature columns, dataset summary and status; 'active' is an alias", async () => {
    const v1 = await saveSample(temp.registry, source);
    const a = await api();
    const body = await json<Record<string, unknown>>(await a.get(`/model/${v1}`));
    expect(body).toMatchObject({
      version: v1,
      status: "ok",
      is_active: true,
      kind: "ridge",
      hyperparameters: { alpha: 1 },
    });
    expect(body.feature_columns).toEqual([
      "close",
      "simple_return",
      "moving_average",
      "rolling_volatility",
    ]);
    expect(body.metadata).toMatchObject({ version: v1 });
    expect(body.metrics).toHaveProperty("validation");
    expect(body.dataset_summary).toBeTypeOf("object");
    // Saved without evaluation.json, as versions trained before evaluations were stored.
    expect(body.evaluation).toBeNull();
    expect(await json(await a.get("/model/active"))).toEqual(body);
    expect(await json(await a.get(`/api/v1/model/${v1}`))).toEqual(body);
    for (const alias of [`/models/${v1}`, `/api/v1/models/${v1}`]) {
      expect(await json(await a.get(alias)), alias).toEqual(body);
    }
  });

  it("includes the stored evaluation.json: verdict, statistics and the served interval's calibration", async () => {
    const v1 = await saveSample(temp.registry, source, { evaluation: true });
    const stored = (await temp.registry.load(v1)).files["evaluation.json"];
    const a = await api();
    const body = await json<{ evaluation: Record<string, unknown> }>(await a.get(`/model/${v1}`));
    expect(body.evaluation).toEqual(stored);
    expect(body.evaluation).toMatchObject({
      format: "mle.evaluation",
      verdict: { skill: expect.any(Boolean), text: expect.any(String) },
      interval: { method: "split-conformal", calibration_set: "walk_forward_test" },
    });
    // The interval /predict serves is the one recorded there.
    const p = await json<{ prediction_interval: { method: string } }>(
      await a.get("/predict?symbol=AAPL"),
    );
    expect(p.prediction_interval.method).toBe("split-conformal");
  });

  it("shows the kind and every hyperparameter of a gbdt version, from the trainer's table", async () => {
    const v1 = await saveSample(temp.registry, source, { model: { type: "gbdt", n_trees: 5 } });
    const body = await json<Record<string, unknown>>(await (await api()).get(`/model/${v1}`));
    expect(body.kind).toBe("gbdt");
    expect(body.kind_summary).toMatch(/gradient-boosted/);
    expect(body.hyperparameters).toMatchObject({ n_trees: 5, max_depth: 6, learning_rate: 0.1 });
  });

  it("answers 422 for names that are not vN, 404 for unknown versions, 503 for 'active' without a model", async () => {
    const a = await api();
    for (const bad of ["v0", "v01", "..%2Fv1", "%2e%2e%2f", "v1234567890", "V1", "x".repeat(65)]) {
      expect(await code(await a.get(`/model/${bad}`)), bad).toEqual([422, "VALIDATION_ERROR"]);
    }
    // A safe name that is not a version is an alias: an unset one is 404.
    for (const alias of ["x1", "champion"]) {
      expect(await code(await a.get(`/model/${alias}`)), alias).toEqual([404, "ALIAS_NOT_FOUND"]);
    }
    expect(await code(await a.get("/model/v42"))).toEqual([404, "MODEL_NOT_FOUND"]);
    expect(await code(await a.get("/model/active"))).toEqual([503, "NO_ACTIVE_MODEL"]);
  });

  it("reports a corrupt version with the file at fault", async () => {
    const v1 = await saveSample(temp.registry, source);
    await writeFile(join(temp.dir, v1, "metrics.json"), '{"tampered":1}');
    const a = await api();
    const body = await json<{ status: string; problem: string }>(await a.get(`/model/${v1}`));
    expect(body.status).toBe("corrupt");
    expect(body).toMatchObject({ kind: null, hyperparameters: null });
    expect(body.problem).toContain("metrics.json");
    expect(body.problem).not.toContain(temp.dir);
  });
});

describe("POST /models/{version}/activate", () => {
  it("does not exist without ADMIN_TOKEN and needs the bearer token with one", async () => {
    const v1 = await saveSample(temp.registry, source);
    const closed = await api();
    expect(await code(await activate(closed, v1, TOKEN))).toEqual([404, "NOT_FOUND"]);
    const guarded = await api({ ADMIN_TOKEN: TOKEN });
    expect(await code(await activate(guarded, v1))).toEqual([401, "UNAUTHORIZED"]);
    expect(await code(await activate(guarded, v1, `${TOKEN}x`))).toEqual([401, "UNAUTHORIZED"]);
    expect((await activate(guarded, v1, TOKEN)).status).toBe(200);
  });

  it("hot-swaps the served model without a restart", async () => {
    const v1 = await saveSample(temp.registry, source);
    const v2 = await saveSample(temp.registry, source, { lookback: 6 });
    const a = await api({ ADMIN_TOKEN: TOKEN });
    const version = async () =>
      (await json<{ model_version: string }>(await a.get("/predict?symbol=AAPL"))).model_version;
    expect(await version()).toBe(v2);
    const res = await activate(a, v1, TOKEN);
    expect(await json(res)).toEqual({
      model: "default",
      active_version: v1,
      previous_version: v2,
    });
    expect(await version()).toBe(v1);
    expect(await json(await a.get("/ready"))).toEqual({ ready: true, version: v1 });
  });

  it("refuses unknown and corrupt versions and keeps the active one", async () => {
    const v1 = await saveSample(temp.registry, source);
    const v2 = await saveSample(temp.registry, source, { activate: false });
    await rm(join(temp.dir, v2, "dataset_summary.json"));
    const a = await api({ ADMIN_TOKEN: TOKEN });
    expect(await code(await activate(a, "v9", TOKEN))).toEqual([404, "MODEL_NOT_FOUND"]);
    expect(await code(await activate(a, v2, TOKEN))).toEqual([503, "MODEL_CORRUPT"]);
    expect(await code(await activate(a, "v01", TOKEN))).toEqual([422, "VALIDATION_ERROR"]);
    // `active` is not a version to activate (it would silently re-activate the current one).
    expect(await code(await activate(a, "active", TOKEN))).toEqual([422, "VALIDATION_ERROR"]);
    expect((await json<{ active_version: string }>(await a.get("/models"))).active_version).toBe(
      v1,
    );
  });
});
