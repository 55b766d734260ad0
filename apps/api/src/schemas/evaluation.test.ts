import { createSampleSource } from "@mle/market-client";
import { trainSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { EvaluationSchema } from "./evaluation";

describe("the OpenAPI schema of evaluation.json", () => {
  it("documents every field of a real report (parsing strips nothing)", async () => {
    const artifacts = await trainSample(createSampleSource(), { evaluation: true });
    const stored = JSON.parse(JSON.stringify(artifacts.files!["evaluation.json"]));
    // z.object drops undocumented keys, so equality means the schema covers the whole report.
    expect(EvaluationSchema.parse(stored)).toEqual(stored);
  });

  it("documents NotDefined outcomes and the fallback interval", () => {
    const none = { defined: false, reason: "TOO_SHORT", message: "fewer than 2 rows", n: 1 };
    const base = {
      format: "mle.evaluation",
      format_version: 1,
      verdict: { skill: false, direction_skill: false, alpha: 0.05, text: "no evidence" },
      folds: {
        count: 0,
        test_rows: 0,
        embargo: { history: 10, label_horizon: 1, gap: 11, source: "auto" },
      },
    };
    const stats = {
      n: 1,
      zero: {
        oos_r2: none,
        diebold_mariano_squared: none,
        diebold_mariano_absolute: none,
        clark_west: none,
      },
      prevailing_mean: {
        oos_r2: none,
        diebold_mariano_squared: none,
        diebold_mariano_absolute: none,
        clark_west: none,
      },
      direction: { pesaran_timmermann: none },
    };
    const report = {
      ...base,
      validation: {
        ...stats,
        interval: {
          level: 0.9,
          coverage: none,
          band_99: null,
          within_band: null,
          kupiec: none,
          christoffersen: none,
          winkler: none,
        },
        confidence_calibration: none,
      },
      walk_forward: stats,
      interval: {
        method: "validation-residual-quantiles",
        level: 0.9,
        calibration_size: 0,
        reason: "too few",
        lower_offset: -0.02,
        upper_offset: 0.02,
      },
    };
    expect(EvaluationSchema.parse(report)).toEqual(report);
    expect(EvaluationSchema.parse(null)).toBeNull();
  });
});
