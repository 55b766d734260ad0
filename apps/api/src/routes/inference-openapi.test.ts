import { createSampleSource } from "@mle/market-client";
import { tempRegistry } from "@mle/registry/testing";
import { describe, expect, it } from "vitest";
import { json, startApi } from "../../test/inference-support";

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      { description?: string; responses: Record<string, unknown>; "x-aliases"?: string[] }
    >
  >;
  components: {
    schemas: Record<
      string,
      {
        example?: unknown;
        properties?: Record<string, { description?: string; example?: unknown }>;
      }
    >;
  };
};

describe("the OpenAPI document", () => {
  it("documents every model and predict route once, its /api/v1 alias in x-aliases, with the confidence formula and examples", async () => {
    const { registry, cleanup } = await tempRegistry();
    const a = await startApi({ source: createSampleSource(), registry });
    try {
      const doc = await json<OpenApi>(await a.get("/openapi.json"));
      for (const path of [
        "/predict",
        "/predict/batch",
        "/models",
        "/model/{version}",
        "/models/{version}/activate",
        "/ready",
      ]) {
        expect(doc.paths, path).toHaveProperty([path]);
        expect(doc.paths, path).not.toHaveProperty([`/api/v1${path}`]);
        const op = Object.values(doc.paths[path]!)[0]!;
        expect(op["x-aliases"], path).toContain(`/api/v1${path}`);
      }
      expect(Object.keys(doc.paths["/predict"]!.get!.responses).sort()).toEqual([
        "200",
        "404",
        "422",
        "502",
        "503",
        "504",
      ]);
      const prediction = doc.components.schemas.Prediction!;
      expect(prediction.properties!.confidence!.description).toContain(
        "Φ(sign(prediction) · (prediction + μ) / σ)",
      );
      expect(prediction.properties!.prediction_interval!.example).toEqual({
        lower: -0.0181,
        upper: 0.0195,
        level: 0.9,
        method: "split-conformal",
      });
      // How the interval is computed, on /predict's own description too.
      expect(doc.paths["/predict"]!.get!.description).toContain(
        "q is the ⌈(n + 1)·0.9⌉-th smallest of |actual − predicted| / s",
      );
      expect(doc.components.schemas.ModelDetails!.properties).toHaveProperty("evaluation");
      expect(doc.components.schemas.BatchResponse!.example).toBeDefined();
      expect(doc.paths["/predict/batch"]!.post!.description).toContain("1 to 100 symbols");
    } finally {
      await a.close();
      await cleanup();
    }
  });
});
