/**
 * OpenAPI schemas of the model routes (/predict, /predict/batch, /models, /model/{version}, /ready).
 * @module
 */
import { z } from "@hono/zod-openapi";
import { isAliasName, isModelName, isVersionName } from "@mle/registry";

/** Largest number of symbols one `POST /predict/batch` accepts. */
export const MAX_BATCH_SYMBOLS = 100;

/** How confidence and the interval are computed; shown in the OpenAPI document. */
export const CONFIDENCE_DOC =
  "`confidence` is the probability, in [0, 1], that the realised next return has the sign of `prediction`, under a Gaussian model of the validation residuals (actual − predicted on the model's held-out rows, mean μ, std σ): confidence = Φ(sign(prediction) · (prediction + μ) / σ), Φ the standard normal CDF. 0.5 is a coin flip (also the value for a prediction of exactly 0). `prediction_interval` is [prediction + q05, prediction + q95] with q05/q95 the empirical 5% and 95% quantiles of the validation residuals (level 0.9).";

/**
 * A model version (`v` + a positive number without leading zeros, at most 9 digits) or an alias
 * name (`active`, `champion`: 1-64 of a-z, 0-9, `_`, `-`).
 */
export const VersionName = z
  .string()
  .max(64, "version must be at most 64 characters")
  .refine(
    (v) => isVersionName(v) || isAliasName(v),
    'version must be "v" followed by a positive number (e.g. v3), or an alias name such as "active" or "champion"',
  );

/** A registered model's name; absent: the default model. */
export const ModelQuery = z
  .string()
  .max(64, "model must be at most 64 characters")
  .refine(isModelName, "model must be 1-64 of a-z, 0-9, _ and -, starting with a letter or digit")
  .optional()
  .openapi({
    param: { name: "model", in: "query" },
    description:
      "Registered model name (default: `default`, the model trained when none is named).",
    example: "default",
  });

export const VersionQuery = VersionName.optional().openapi({
  param: { name: "version", in: "query" },
  description: "Model version to use (`vN`), or an alias (`active`, the default; `champion`, ...).",
  example: "v1",
});

export const VersionPath = VersionName.openapi({
  param: { name: "version", in: "path" },
  description: "`vN`, or an alias (`active` for the active version, `champion`, ...).",
  example: "v1",
});

export const PredictionSchema = z
  .object({
    symbol: z.string().openapi({ example: "AAPL" }),
    prediction: z
      .number()
      .openapi({ description: "Predicted next-period simple return.", example: 0.00042 }),
    confidence: z.number().min(0).max(1).openapi({ description: CONFIDENCE_DOC, example: 0.531 }),
    model_version: z.string().openapi({ example: "v1" }),
    features: z.record(z.string(), z.number()).openapi({
      description:
        "Feature values of the latest candle, computed with the model's stored feature spec: the model's columns, plus those of close, simple_return, moving_average and rolling_volatility it does not use when the fetched history is long enough to compute them.",
      example: {
        close: 187.42,
        simple_return: 0.0031,
        moving_average: 185.1,
        rolling_volatility: 0.0142,
      },
    }),
    timestamp: z.string().openapi({
      description: "Time of the latest candle used (ISO-8601 UTC).",
      example: "2025-12-31T00:00:00.000Z",
    }),
    prediction_interval: z
      .object({ lower: z.number(), upper: z.number(), level: z.literal(0.9) })
      .openapi({
        description: "90% interval from the validation residual quantiles.",
        example: { lower: -0.0181, upper: 0.0195, level: 0.9 },
      }),
  })
  .openapi("Prediction");

export const BatchRequestSchema = z
  .object({
    symbols: z
      .array(z.string().max(100))
      .min(1)
      .max(MAX_BATCH_SYMBOLS, `at most ${MAX_BATCH_SYMBOLS} symbols per batch`)
      .openapi({
        description: `1 to ${MAX_BATCH_SYMBOLS} symbols. Case-insensitive duplicates are answered once.`,
        example: ["AAPL", "MSFT", "bad/symbol"],
      }),
    version: VersionName.optional().openapi({ example: "active" }),
    model: z
      .string()
      .max(64)
      .refine(
        isModelName,
        "model must be 1-64 of a-z, 0-9, _ and -, starting with a letter or digit",
      )
      .optional()
      .openapi({ description: "Registered model name (default: `default`).", example: "default" }),
  })
  .openapi("BatchRequest");

const ItemError = z.object({
  code: z.string().openapi({ example: "INVALID_SYMBOL" }),
  message: z.string(),
  status: z
    .number()
    .int()
    .openapi({ description: "The status this error has on GET /predict.", example: 422 }),
});

export const BatchResponseSchema = z
  .object({
    results: z.array(
      z.union([
        z.object({ symbol: z.string(), ok: z.literal(true), result: PredictionSchema }),
        z.object({ symbol: z.string(), ok: z.literal(false), error: ItemError }),
      ]),
    ),
  })
  .openapi("BatchResponse", {
    example: {
      results: [
        {
          symbol: "AAPL",
          ok: true,
          result: {
            symbol: "AAPL",
            prediction: 0.00042,
            confidence: 0.531,
            model_version: "v1",
            features: {
              close: 187.42,
              simple_return: 0.0031,
              moving_average: 185.1,
              rolling_volatility: 0.0142,
            },
            timestamp: "2025-12-31T00:00:00.000Z",
            prediction_interval: { lower: -0.0181, upper: 0.0195, level: 0.9 },
          },
        },
        {
          symbol: "bad/symbol",
          ok: false,
          error: { code: "INVALID_SYMBOL", message: "The symbol is invalid.", status: 422 },
        },
      ],
    },
  });

const KeyMetrics = z
  .object({
    rmse: z.number().nullable(),
    r2: z.number().nullable(),
    directional_accuracy: z.number().nullable(),
  })
  .nullable()
  .openapi({
    description: "Validation metrics of the model; null when metrics.json is unreadable.",
    example: { rmse: 0.0112, r2: 0.004, directional_accuracy: 0.52 },
  });

export const ModelSummarySchema = z
  .object({
    version: z.string().openapi({ example: "v2" }),
    created_at: z.string().nullable().openapi({ example: "2026-01-01T00:00:00.000Z" }),
    status: z.enum(["ok", "corrupt"]),
    problem: z
      .string()
      .optional()
      .openapi({ description: "Why a version is corrupt (names the file)." }),
    is_active: z.boolean(),
    aliases: z.array(z.string()).openapi({
      description: "Aliases pointing at this version.",
      example: ["active", "champion"],
    }),
    metrics: KeyMetrics,
  })
  .openapi("ModelSummary");

export const ModelsResponseSchema = z
  .object({
    model: z.string().openapi({ description: "The registered model listed.", example: "default" }),
    active_version: z.string().nullable().openapi({ example: "v2" }),
    models: z.array(ModelSummarySchema).openapi({ description: "Newest first." }),
  })
  .openapi("Models");

const RegressionMetrics = z
  .object({
    rmse: z.number(),
    mae: z.number(),
    r2: z.number(),
    directional_accuracy: z.number(),
    n: z.number().int(),
  })
  .openapi("RegressionMetrics");

const MetricsSet = z
  .object({
    model: RegressionMetrics,
    baseline_zero: RegressionMetrics,
    baseline_mean: RegressionMetrics,
  })
  .openapi("MetricsSet", {
    description:
      "The model and two baselines (always 0; the training rows' mean) on the same rows.",
  });

const MetricsReport = z
  .object({
    train: MetricsSet,
    validation: MetricsSet,
    cv: z.object({
      folds: z.array(
        MetricsSet.extend({
          index: z.number().int(),
          train_rows: z.number().int(),
          test_rows: z.number().int(),
        }),
      ),
      mean: RegressionMetrics,
      std: RegressionMetrics,
    }),
  })
  .nullable()
  .openapi("MetricsReport", {
    description:
      "metrics.json: train, validation and walk-forward CV metrics; null when unverified.",
  });

const ColumnStats = z
  .object({ mean: z.number(), std: z.number(), min: z.number(), max: z.number() })
  .openapi("ColumnStats");

const DatasetSummary = z
  .object({
    rows: z.number().int(),
    cols: z.number().int(),
    spec: z.object({ lookback: z.number().int(), features: z.array(z.string()) }),
    feature_columns: z.array(z.string()),
    symbols: z.array(z.string()),
    per_symbol: z.record(
      z.string(),
      z.object({
        candles: z.number().int(),
        kept: z.number().int(),
        dropped_warmup: z.number().int(),
        dropped_no_label: z.number().int(),
      }),
    ),
    dropped: z.object({ warmup: z.number().int(), no_label: z.number().int() }),
    date_range: z.object({ start: z.string(), end: z.string() }),
    features: z.record(z.string(), ColumnStats),
    target: ColumnStats,
    content_hash: z.string(),
  })
  .nullable()
  .openapi("DatasetSummary", { description: "dataset_summary.json; null when unverified." });

const ModelMetadata = z
  .object({
    version: z.string(),
    created_at: z.string(),
    artifacts: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int() })),
  })
  .nullable()
  .openapi("ModelMetadata", {
    description:
      "metadata.json: the registry's version, created_at and artifact hashes, plus what the trainer recorded (hyperparameters, config, data source, dataset hash, split, package versions); null when unreadable.",
  });

const EvaluationReport = z
  .object({
    format: z.literal("mle.evaluation"),
    verdict: z.object({
      skill: z.boolean(),
      direction_skill: z.boolean(),
      alpha: z.number(),
      text: z.string().openapi({ description: "One line a person can act on." }),
    }),
  })
  // Documents the fields the UI reads; the rest of evaluation.json is served as stored.
  .openapi("EvaluationReport", {
    description:
      "evaluation.json: forecast-comparison tests, the served interval and its coverage, and the verdict (other fields as training wrote them). Absent for versions trained without it and for corrupt versions.",
  });

export const ModelDetailsSchema = z
  .object({
    version: z.string().openapi({ example: "v2" }),
    created_at: z.string().nullable(),
    status: z.enum(["ok", "corrupt"]),
    problem: z.string().optional(),
    is_active: z.boolean(),
    model: z.string().openapi({ description: "The registered model.", example: "default" }),
    aliases: z.array(z.string()).openapi({ example: ["active"] }),
    kind: z.string().nullable().openapi({
      description: "Model kind from model.json (null when the version is corrupt).",
      example: "gbdt",
    }),
    kind_summary: z.string().nullable().openapi({
      example: "gradient-boosted regression trees (histogram-based, squared loss, seeded)",
    }),
    hyperparameters: z
      .record(z.string(), z.union([z.number(), z.string(), z.boolean()]))
      .nullable()
      .openapi({
        description: "The kind's resolved hyperparameters, as stored in model.json.",
        example: { n_trees: 100, max_depth: 6, learning_rate: 0.1 },
      }),
    metadata: ModelMetadata,
    metrics: MetricsReport,
    key_metrics: KeyMetrics,
    feature_columns: z
      .array(z.string())
      .nullable()
      .openapi({
        description: "feature_columns.json; null when unverified.",
        example: ["close", "simple_return", "moving_average", "rolling_volatility"],
      }),
    dataset_summary: DatasetSummary,
    evaluation: EvaluationReport.optional(),
  })
  .openapi("ModelDetails");

export const ReadySchema = z
  .object({
    ready: z.boolean(),
    version: z
      .string()
      .nullable()
      .openapi({ description: "The version answering requests.", example: "v2" }),
    reason: z.string().optional().openapi({ description: "Why not ready." }),
    code: z.string().optional().openapi({ example: "NO_ACTIVE_MODEL" }),
  })
  .openapi("Readiness");

export const ActivateResponseSchema = z
  .object({
    model: z.string().openapi({ example: "default" }),
    active_version: z.string().openapi({ example: "v2" }),
    previous_version: z.string().nullable().openapi({ example: "v1" }),
  })
  .openapi("Activated");
