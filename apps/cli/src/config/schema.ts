import {
  candlesNeeded,
  DEFAULT_FEATURES,
  FEATURE_NAMES,
  isFeatureError,
  MAX_LOOKBACK,
  MIN_LOOKBACK,
  validateFeatureSpec,
} from "@mle/features";
import { SYMBOL_PATTERN } from "@mle/market-client";
import { DEFAULT_MODEL, DEFAULT_REGISTRY_LOCATION, isModelName } from "@mle/registry";
import { z } from "zod";
import { modelConfigSchema } from "./model-schema";

/** Default values of the optional keys, also used by `--help` texts and the README. */
export const CONFIG_DEFAULTS = {
  lookback: 20,
  candles: 1000,
  validationFraction: 0.2,
  folds: 5,
  gap: "auto",
  alpha: 1,
  seed: 42,
  registry: DEFAULT_REGISTRY_LOCATION,
  modelName: DEFAULT_MODEL,
  activate: true,
} as const;

const symbolSchema = z
  .string({ error: "expected a symbol string" })
  .regex(SYMBOL_PATTERN, { error: "expected 1-20 characters from A-Z, a-z, 0-9, '.', '_', '-'" });

/** Why `name` is not a column name @mle/features accepts, or undefined when it is one. */
function columnProblem(name: string): string | undefined {
  try {
    validateFeatureSpec({ lookback: MIN_LOOKBACK, features: [name] });
    return undefined;
  } catch (e) {
    if (!isFeatureError(e)) throw e;
    if (e.code === "UNKNOWN_FEATURE") {
      return `unknown feature "${name}"; expected one of ${FEATURE_NAMES.join(", ")}, or one with its parameters such as moving_average_50`;
    }
    return e.message.replace(/^features\[0\]:? ?/, "");
  }
}

const featureSchema = z.string({ error: "expected a feature column name" }).check((ctx) => {
  const problem = columnProblem(ctx.value);
  if (problem !== undefined)
    ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
});

const int = (what: string) =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` });

/**
 * The training config (`configs/train.yaml`). Every object is strict: an unknown key is an
 * error naming its path. Symbols are upper-cased and de-duplicated, first occurrence wins.
 *
 * @example
 * const config = trainConfigSchema.parse({ symbols: ["aapl"] }); // config.symbols = ["AAPL"]
 */
export const trainConfigSchema = z
  .strictObject(
    {
      symbols: z
        .array(symbolSchema, { error: "expected a list of symbols" })
        .min(1, { error: "expected at least one symbol" })
        .transform((list) => [...new Set(list.map((s) => s.toUpperCase()))]),
      lookback: int(`an integer from ${MIN_LOOKBACK} to ${MAX_LOOKBACK}`)
        .min(MIN_LOOKBACK, { error: `expected an integer >= ${MIN_LOOKBACK}` })
        .max(MAX_LOOKBACK, { error: `expected an integer <= ${MAX_LOOKBACK}` })
        .default(CONFIG_DEFAULTS.lookback),
      candles: int("an integer number of candles per symbol")
        .min(3, { error: "expected at least 3 candles" })
        .max(10_000_000, { error: "expected at most 10000000 candles" })
        .default(CONFIG_DEFAULTS.candles),
      features: z
        .array(featureSchema, { error: "expected a list of feature names" })
        .min(1, { error: "expected at least one feature" })
        .refine((list) => new Set(list).size === list.length, {
          error: "expected distinct features",
        })
        .default([...DEFAULT_FEATURES]),
      split: z
        .strictObject(
          {
            validation_fraction: z
              .number({ error: "expected a number between 0 and 1 (exclusive)" })
              .gt(0, { error: "expected a number > 0 and < 1" })
              .lt(1, { error: "expected a number > 0 and < 1" })
              .default(CONFIG_DEFAULTS.validationFraction),
          },
          { error: "expected a mapping with validation_fraction" },
        )
        .prefault({}),
      cv: z
        .strictObject(
          {
            folds: int("an integer >= 2")
              .min(2, { error: "expected an integer >= 2" })
              .default(CONFIG_DEFAULTS.folds),
            // "auto": the features' largest history plus the label's bar (embargoFor in @mle/dataset).
            gap: z
              .union([z.literal("auto"), int("an integer >= 0").min(0)], {
                error: 'expected an integer >= 0 or "auto"',
              })
              .default(CONFIG_DEFAULTS.gap),
          },
          { error: "expected a mapping with folds and gap" },
        )
        .prefault({}),
      model: modelConfigSchema,
      seed: int("an integer >= 0")
        .min(0, { error: "expected an integer >= 0" })
        .default(CONFIG_DEFAULTS.seed),
      // The registry's own name rule, so a bad name is a config error before any data is fetched.
      model_name: z
        .string({ error: "expected a model name" })
        .refine(isModelName, {
          error:
            "expected a model name: 1-64 of a-z, 0-9, _ and -, starting with a letter or digit",
        })
        .default(CONFIG_DEFAULTS.modelName),
      registry: z
        .string({ error: "expected a registry location (a path, file://… or s3://bucket/prefix)" })
        .min(1, { error: "expected a registry location (a path, file://… or s3://bucket/prefix)" })
        .optional(),
      registry_dir: z.string({ error: "expected a folder path" }).min(1).optional(),
      activate: z.boolean({ error: "expected true or false" }).default(CONFIG_DEFAULTS.activate),
    },
    { error: "expected a mapping of config keys" },
  )
  .superRefine((config, ctx) => {
    // zod runs this even when a key above failed; then the spec is invalid and already reported.
    let needed: number;
    try {
      // one feature row (no convergence history: training drops only the warm-up) + its label
      needed =
        candlesNeeded({ lookback: config.lookback, features: config.features }, 1, {
          history: 0,
        }) + 1;
    } catch {
      return;
    }
    if (typeof config.candles === "number" && config.candles < needed) {
      ctx.addIssue({
        code: "custom",
        path: ["candles"],
        message: `expected at least ${needed} candles for lookback ${config.lookback} (warm-up plus one labeled row)`,
      });
    }
  });

/** A validated training config with every default filled in. */
export type TrainConfig = z.output<typeof trainConfigSchema>;
/** What a config file may contain before validation. */
export type TrainConfigInput = z.input<typeof trainConfigSchema>;
