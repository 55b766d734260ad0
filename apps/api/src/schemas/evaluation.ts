/**
 * OpenAPI schema of `evaluation.json` (the trainer's `EvaluationReport`) as `/model/{version}`
 * returns it. Documentation of a verified artifact: the route passes the stored JSON through.
 * `src/schemas/evaluation.test.ts` parses a real report with it and finds nothing undocumented.
 * @module
 */
import { z } from "@hono/zod-openapi";

const int = () => z.number().int();
const pValue = () => z.number().min(0).max(1);

const NotDefined = z
  .object({
    defined: z.literal(false),
    reason: z.enum(["TOO_SHORT", "ZERO_VARIANCE", "CONSTANT_SEQUENCE"]),
    message: z.string(),
    n: int(),
  })
  .openapi("NotDefined", {
    description: "A statistic the data cannot support (never NaN): why, and how many rows it had.",
  });

/** A statistic's value (`defined: true` plus its fields) or {@link NotDefined}. */
function outcome<S extends z.ZodRawShape>(name: string, shape: S, description: string) {
  return z
    .union([z.object({ defined: z.literal(true), ...shape }), NotDefined])
    .openapi(name, { description });
}

const OutOfSampleR2 = outcome(
  "OutOfSampleR2",
  { n: int(), r2: z.number(), sse_model: z.number(), sse_baseline: z.number() },
  "Campbell–Thompson out-of-sample R² = 1 − SSE_model / SSE_baseline.",
);
const DieboldMariano = outcome(
  "DieboldMariano",
  {
    n: int(),
    loss: z.enum(["squared", "absolute"]),
    mean_loss_difference: z.number(),
    statistic: z.number(),
    p_value: pValue(),
    p_value_less: pValue().openapi({ description: "One-sided: the model's loss is smaller." }),
  },
  "Diebold–Mariano, h = 1, Harvey–Leybourne–Newbold correction, t(n − 1) p-values.",
);
const ClarkWest = outcome(
  "ClarkWest",
  {
    n: int(),
    mean_adjusted_difference: z.number(),
    statistic: z.number(),
    p_value: pValue(),
    lag: int(),
  },
  "Clark–West for a model nesting the baseline, one-sided, Newey–West variance with `lag`.",
);
const PesaranTimmermann = outcome(
  "PesaranTimmermann",
  {
    n: int(),
    hit_rate: z.number(),
    expected_hit_rate: z.number(),
    statistic: z.number(),
    p_value: pValue(),
  },
  "Pesaran–Timmermann test of direction (sign of prediction vs sign of outcome).",
);

const BaselineComparison = z
  .object({
    oos_r2: OutOfSampleR2,
    diebold_mariano_squared: DieboldMariano,
    diebold_mariano_absolute: DieboldMariano,
    clark_west: ClarkWest,
  })
  .openapi("BaselineComparison");

const forecastShape = {
  n: int(),
  zero: BaselineComparison.openapi({ description: "Against always predicting a return of 0." }),
  prevailing_mean: BaselineComparison.openapi({
    description: "Against the mean target of the predicting model's training rows.",
  }),
  direction: z.object({ pesaran_timmermann: PesaranTimmermann }),
};

const BinomialBand = z
  .object({
    n: int(),
    p: z.number(),
    confidence: z.number(),
    lower: int(),
    upper: int(),
    lower_rate: z.number(),
    upper_rate: z.number(),
  })
  .nullable()
  .openapi("BinomialBand", {
    description: "Covered counts within which coverage is consistent with `p` at `confidence`.",
  });

const IntervalStatistics = z
  .object({
    level: z.number(),
    coverage: outcome(
      "EmpiricalCoverage",
      { n: int(), covered: int(), coverage: z.number() },
      "Share of outcomes inside the interval.",
    ),
    band_99: BinomialBand,
    within_band: z.boolean().nullable(),
    kupiec: outcome(
      "KupiecPof",
      {
        n: int(),
        misses: int(),
        expected_rate: z.number(),
        observed_rate: z.number(),
        statistic: z.number(),
        p_value: pValue(),
      },
      "Kupiec's proportion-of-failures likelihood-ratio test.",
    ),
    christoffersen: outcome(
      "ChristoffersenIndependence",
      {
        n: int(),
        transitions: z.object({ n00: int(), n01: int(), n10: int(), n11: int() }),
        statistic: z.number(),
        p_value: pValue(),
      },
      "Christoffersen's test that misses do not cluster.",
    ),
    winkler: outcome(
      "WinklerScore",
      { n: int(), level: z.number(), mean_score: z.number(), mean_width: z.number() },
      "Mean interval (Winkler) score: width plus 2/(1 − level) × the distance of each miss.",
    ),
  })
  .openapi("IntervalStatistics", {
    description: "The served 90 % interval on the validation split.",
  });

const ConfidenceCalibration = outcome(
  "ConfidenceCalibration",
  {
    n: int(),
    buckets: z.array(
      z.object({
        lower: z.number(),
        upper: z.number(),
        count: int(),
        mean_probability: z.number().nullable(),
        hit_rate: z.number().nullable(),
      }),
    ),
    ece: z.number(),
    brier: z.number(),
    mean_probability: z.number(),
    hit_rate: z.number(),
  },
  "Served `confidence` bucketed over [0, 1] against the observed direction hit rate.",
);

/** How serving makes the 90 % interval (the `interval` of evaluation.json). */
export const ServedIntervalSchema = z
  .discriminatedUnion("method", [
    z.object({
      method: z.literal("split-conformal"),
      level: z.number(),
      calibration_set: z.literal("walk_forward_test"),
      calibration_size: int(),
      scale_feature: z.literal("rolling_volatility").nullable(),
      rank: int().openapi({
        description: "The ⌈(n + 1)·level⌉-th smallest score is the quantile.",
      }),
      quantile: z.number(),
    }),
    z.object({
      method: z.literal("validation-residual-quantiles"),
      level: z.number(),
      calibration_size: int(),
      reason: z.string(),
      lower_offset: z.number(),
      upper_offset: z.number(),
    }),
  ])
  .openapi("ServedInterval", {
    description:
      "split-conformal: prediction ± quantile · s, s the row's `scale_feature` value (1 when null), the quantile taken over |actual − predicted| / s of the walk-forward folds' test rows. validation-residual-quantiles: [prediction + lower_offset, prediction + upper_offset] when there were too few calibration rows.",
  });

export const EvaluationSchema = z
  .object({
    format: z.literal("mle.evaluation"),
    format_version: int(),
    verdict: z.object({
      skill: z.boolean().openapi({
        description:
          "Clark–West against the zero forecast has p < alpha on the validation split and on the pooled walk-forward folds.",
      }),
      direction_skill: z
        .boolean()
        .openapi({ description: "Pesaran–Timmermann p < alpha on the validation split." }),
      alpha: z.number(),
      text: z.string().openapi({
        example:
          "beats the zero forecast (CW p < 0.001 validation, p < 0.001 walk-forward), direction skill PT p = 0.0069",
      }),
    }),
    folds: z.object({
      count: int(),
      test_rows: int(),
      embargo: z.object({
        history: int(),
        label_horizon: int(),
        gap: int(),
        source: z.enum(["auto", "option"]),
      }),
    }),
    validation: z
      .object({
        ...forecastShape,
        interval: IntervalStatistics,
        confidence_calibration: ConfidenceCalibration,
      })
      .openapi({ description: "The saved model on the chronological validation split." }),
    walk_forward: z
      .object(forecastShape)
      .openapi({ description: "The walk-forward fold models on their test rows, pooled." }),
    interval: ServedIntervalSchema,
  })
  .nullable()
  .openapi("Evaluation", {
    description:
      "evaluation.json: forecast-comparison tests against the zero and prevailing-mean forecasts, interval coverage tests, confidence calibration, the served interval's calibration and the verdict. null for a version trained before evaluations were stored, or when the file does not verify.",
  });
