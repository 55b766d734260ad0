import { createSampleSource } from "@mle/market-client";
import type { Registry } from "@mle/registry";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { tempRegistryPerTest } from "../../test/inference-support";
import { sampleApp } from "../../test/support";

const source = createSampleSource({ seed: 11 });
const COLUMNS = ["close", "simple_return", "moving_average", "rolling_volatility"];
const temp = tempRegistryPerTest();

function app(deps: { registry?: Registry } = { registry: temp.registry }) {
  return sampleApp({ INFERENCE_CACHE_TTL_MS: "0" }, { source, ...deps });
}

function post(a: ReturnType<typeof app>, path: string, body: unknown, type = "application/json") {
  return a.request(path, {
    method: "POST",
    headers: { "content-type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

type Output = { name: string; shape: number[]; datatype: string; data: number[] };
type InferBody = { model_name: string; model_version: string; id?: string; outputs: Output[] };

async function errorOf(res: Response): Promise<[number, string]> {
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error).toBe("string");
  return [res.status, body.error as string];
}

describe("Open Inference Protocol: server", () => {
  it("answers server metadata, live and ready as the specification's JSON objects", async () => {
    const a = app();
    const meta = await a.request("/v2");
    expect(meta.status).toBe(200);
    expect(await meta.json()).toEqual({ name: "mle-api", version: "0.1.0", extensions: [] });
    expect(await (await a.request("/v2/health/live")).json()).toEqual({ live: true });

    const notReady = await a.request("/v2/health/ready");
    expect([notReady.status, await notReady.json()]).toEqual([400, { ready: false }]);
    await saveSample(temp.registry, source);
    const ready = await a.request("/v2/health/ready");
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true }]);
  });
});

describe("Open Inference Protocol: model metadata and readiness", () => {
  it("describes the default model from its feature spec", async () => {
    await saveSample(temp.registry, source);
    await saveSample(temp.registry, source, { lookback: 5, features: ["close", "ema"] });
    const a = app();
    const res = await a.request("/v2/models/default/versions/v1");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      name: "default",
      versions: ["v1", "v2"],
      platform: "mle_ridge",
      inputs: [
        { name: "symbols", datatype: "BYTES", shape: [-1] },
        {
          name: "features",
          datatype: "FP64",
          shape: [-1, 4],
          parameters: { columns: COLUMNS.join(","), lookback: 10 },
        },
      ],
      outputs: ["predictions", "prediction_lower", "prediction_upper", "confidence"].map(
        (name) => ({ name, datatype: "FP64", shape: [-1] }),
      ),
    });
    const active = (await (await a.request("/v2/models/default")).json()) as {
      inputs: { shape: number[]; parameters?: { columns: string } }[];
    };
    expect(active.inputs[1]).toMatchObject({
      shape: [-1, 2],
      parameters: { columns: "close,ema" },
    });
  });

  it("answers unknown models and versions 404, bad versions 400, in the protocol's error shape", async () => {
    await saveSample(temp.registry, source);
    const a = app();
    const [status, message] = await errorOf(await a.request("/v2/models/mymodel"));
    expect(status).toBe(404);
    expect(message).toContain('Unknown model "mymodel"');
    expect((await errorOf(await a.request("/v2/models/default/versions/v9")))[0]).toBe(404);
    expect((await errorOf(await a.request("/v2/models/default/versions/v01/ready")))[0]).toBe(400);
    // A safe non-version name is an alias: an unset one is an unknown version.
    expect((await errorOf(await a.request("/v2/models/default/versions/latest/ready")))[0]).toBe(
      404,
    );
  });

  it("reports model readiness: 200 ready, 400 not ready (a 4xx means false)", async () => {
    const a = app();
    const none = await a.request("/v2/models/default/ready");
    expect([none.status, await none.json()]).toEqual([400, { name: "default", ready: false }]);
    await saveSample(temp.registry, source);
    for (const path of ["/v2/models/default/ready", "/v2/models/default/versions/v1/ready"]) {
      const res = await a.request(path);
      expect([res.status, await res.json()]).toEqual([200, { name: "default", ready: true }]);
    }
  });
});

describe("Open Inference Protocol: inference", () => {
  it("replays the specification's request example: a model it does not serve is 404, wrong inputs 400", async () => {
    await saveSample(temp.registry, source);
    const a = app();
    // Verbatim from the specification (inference_rest.md, "Inference Request Examples").
    const example = {
      id: "42",
      inputs: [
        { name: "input0", shape: [2, 2], datatype: "UINT32", data: [1, 2, 3, 4] },
        { name: "input1", shape: [3], datatype: "BOOL", data: [true] },
      ],
      outputs: [{ name: "output0" }],
    };
    expect((await errorOf(await post(a, "/v2/models/mymodel/infer", example)))[0]).toBe(404);
    const [status, message] = await errorOf(await post(a, "/v2/models/default/infer", example));
    expect(status).toBe(400);
    expect(message).toContain("exactly one input tensor");
  });

  it("answers the example's shape for this model's tensors: id echoed, only the requested output", async () => {
    await saveSample(temp.registry, source);
    const a = app();
    const rows = [
      [187.4, 0.003, 185.1, 0.014],
      [52.2, -0.01, 53.0, 0.02],
    ];
    const request = {
      id: "42",
      inputs: [{ name: "features", shape: [2, 4], datatype: "FP64", data: rows }],
      outputs: [{ name: "predictions" }],
    };
    const res = await post(a, "/v2/models/default/infer", request);
    expect(res.status).toBe(200);
    const body = (await res.json()) as InferBody;
    expect(Object.keys(body)).toEqual(["model_name", "model_version", "id", "outputs"]);
    expect(body).toMatchObject({ model_name: "default", model_version: "v1", id: "42" });
    expect(body.outputs).toHaveLength(1);
    expect(body.outputs[0]).toMatchObject({ name: "predictions", shape: [2], datatype: "FP64" });
    expect(body.outputs[0]!.data.every(Number.isFinite)).toBe(true);
    // The flattened one-dimensional representation is the same tensor.
    const flat = { ...request, inputs: [{ ...request.inputs[0], data: rows.flat() }] };
    expect(await (await post(a, "/v2/models/default/infer", flat)).json()).toEqual(body);
  });

  it("on a symbols tensor equals GET /predict for the same version, interval bounds when asked", async () => {
    await saveSample(temp.registry, source);
    const v2 = await saveSample(temp.registry, source, { lookback: 14 });
    const a = app();
    const res = await post(a, "/v2/models/default/versions/v1/infer", {
      inputs: [{ name: "symbols", shape: [3], datatype: "BYTES", data: ["AAPL", "msft", "AAPL"] }],
      outputs: ["predictions", "prediction_lower", "prediction_upper", "confidence"].map(
        (name) => ({ name }),
      ),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as InferBody;
    expect(body.model_version).toBe("v1");
    const [pred, lower, upper, conf] = body.outputs.map((o) => o.data);
    for (const [i, symbol] of ["AAPL", "MSFT", "AAPL"].entries()) {
      const p = (await (await a.request(`/predict?symbol=${symbol}&version=v1`)).json()) as {
        prediction: number;
        confidence: number;
        prediction_interval: { lower: number; upper: number };
      };
      expect([pred![i], lower![i], upper![i], conf![i]]).toEqual([
        p.prediction,
        p.prediction_interval.lower,
        p.prediction_interval.upper,
        p.confidence,
      ]);
    }
    const active = (await (
      await post(a, "/v2/models/default/infer", {
        inputs: [{ name: "symbols", shape: [1, 1], datatype: "BYTES", data: [["NVDA"]] }],
      })
    ).json()) as InferBody;
    const p = (await (await a.request("/predict?symbol=NVDA")).json()) as { prediction: number };
    expect(active.model_version).toBe(v2);
    expect(active.outputs.map((o) => [o.name, o.data])).toEqual([["predictions", [p.prediction]]]);
  });

  it("on a features tensor equals GET /predict fed the same feature row", async () => {
    await saveSample(temp.registry, source);
    const a = app();
    const p = (await (await a.request("/predict?symbol=AAPL")).json()) as {
      prediction: number;
      features: Record<string, number>;
    };
    const res = await post(a, "/v2/models/default/infer", {
      inputs: [
        {
          name: "features",
          shape: [1, 4],
          datatype: "FP64",
          data: COLUMNS.map((c) => p.features[c]),
        },
      ],
    });
    expect(((await res.json()) as InferBody).outputs[0]!.data).toEqual([p.prediction]);
  });

  it.each([
    [
      "FP32 datatype",
      { name: "features", shape: [1, 4], datatype: "FP32", data: [1, 2, 3, 4] },
      "datatype FP64",
    ],
    [
      "too few columns",
      { name: "features", shape: [1, 3], datatype: "FP64", data: [1, 2, 3] },
      "shape [N, 4]",
    ],
    [
      "data not matching the shape",
      { name: "features", shape: [2, 4], datatype: "FP64", data: [1, 2, 3, 4] },
      "8 elements",
    ],
    [
      "a string element",
      { name: "features", shape: [1, 4], datatype: "FP64", data: [1, 2, "3", 4] },
      "column moving_average is not a finite number",
    ],
    [
      "a symbol that is not a string",
      { name: "symbols", shape: [1], datatype: "BYTES", data: [7] },
      "element 0 is not a string",
    ],
    [
      "an invalid symbol",
      { name: "symbols", shape: [1], datatype: "BYTES", data: ["bad/symbol"] },
      "bad/symbol",
    ],
    [
      "an unknown input",
      { name: "input0", shape: [1], datatype: "FP64", data: [1] },
      'unknown input "input0"',
    ],
    ["no rows", { name: "symbols", shape: [0], datatype: "BYTES", data: [] }, "1 to 1000 rows"],
  ])(
    "rejects %s with 400 and a message saying what is expected",
    async (_name, input, expected) => {
      await saveSample(temp.registry, source);
      const [status, message] = await errorOf(
        await post(app(), "/v2/models/default/infer", { inputs: [input] }),
      );
      expect(status).toBe(400);
      expect(message).toContain(expected);
    },
  );

  it("rejects a value that overflows to Infinity, unknown outputs, bad bodies and content types", async () => {
    await saveSample(temp.registry, source);
    const a = app();
    const overflow =
      '{"inputs":[{"name":"features","shape":[1,4],"datatype":"FP64","data":[1,2,1e999,4]}]}';
    const [status, message] = await errorOf(await post(a, "/v2/models/default/infer", overflow));
    expect([status, message]).toEqual([
      400,
      'input "features" row 0 column moving_average is not a finite number',
    ]);
    const unknownOutput = {
      inputs: [{ name: "symbols", shape: [1], datatype: "BYTES", data: ["AAPL"] }],
      outputs: [{ name: "output0" }],
    };
    expect(await errorOf(await post(a, "/v2/models/default/infer", unknownOutput))).toEqual([
      400,
      'unknown output "output0"; outputs are predictions, prediction_lower, prediction_upper, confidence',
    ]);
    expect((await errorOf(await post(a, "/v2/models/default/infer", "{not json")))[0]).toBe(400);
    expect((await errorOf(await post(a, "/v2/models/default/infer", { inputs: [] })))[0]).toBe(400);
    expect((await errorOf(await post(a, "/v2/models/default/infer", "x", "text/plain")))[0]).toBe(
      415,
    );
    expect((await errorOf(await a.request("/v2/models/default/infer")))[0]).toBe(405);
  });

  it("answers 503 in the protocol's shape when no model is servable", async () => {
    const body = { inputs: [{ name: "symbols", shape: [1], datatype: "BYTES", data: ["AAPL"] }] };
    expect((await errorOf(await post(app(), "/v2/models/default/infer", body)))[0]).toBe(503);
    expect((await errorOf(await post(app({}), "/v2/models/default/infer", body)))[0]).toBe(503);
  });
});
