import { TrainerError } from "./errors";
import { type ModelSpec, type ResolvedModelSpec, resolveModelSpec } from "./kinds/model-spec";
import type { SingularPolicy } from "./kinds/ridge/solve";

/** One step of a training run, for progress display. `message` is ready to print. */
export type TrainProgress =
  | {
      readonly stage: "split";
      readonly trainRows: number;
      readonly validationRows: number;
      readonly cutTimestamp: string;
      readonly message: string;
    }
  | {
      readonly stage: "cv";
      readonly fold: number;
      readonly folds: number;
      readonly message: string;
    }
  | { readonly stage: "fit"; readonly rows: number; readonly message: string }
  | {
      readonly stage: "iteration";
      readonly iteration: number;
      readonly iterations: number;
      readonly message: string;
    }
  | { readonly stage: "evaluate"; readonly message: string };

export interface TrainOptions {
  /** The kind and its hyperparameters, e.g. `{ type: "gbdt", n_trees: 200 }`. Default ridge. */
  readonly model?: ModelSpec;
  /** Shorthand of `model: { type: "ridge", alpha }` (not with `model`). Default 1. */
  readonly alpha?: number;
  /** Seed of the fit's random choices (gbdt row subsampling), integer >= 0. Default 0. */
  readonly seed?: number;
  /** Share of rows (latest in time) held out for validation, in (0, 1). Default 0.2. */
  readonly validationFraction?: number;
  /** Walk-forward folds over the training rows, integer >= 2. Default 5. */
  readonly folds?: number;
  /**
   * Time steps left out between each fold's train and test rows (purge + embargo), integer >= 0,
   * or `"auto"` (default): the largest history any selected feature needs plus the label's one
   * bar (`embargoFor(spec)` of @mle/dataset), so no train row shares a candle with a test row.
   */
  readonly gap?: number | "auto";
  /** Called synchronously at each step; must not throw. */
  readonly onProgress?: (event: TrainProgress) => void;
  /** Singular systems: `"error"` (default, `SINGULAR_SYSTEM`) or the `"pseudo-inverse"` fallback. */
  readonly onSingular?: SingularPolicy;
}

export interface ResolvedTrainOptions {
  readonly model: ResolvedModelSpec;
  readonly seed: number;
  readonly validationFraction: number;
  readonly folds: number;
  readonly gap: number | "auto";
  readonly onProgress: (event: TrainProgress) => void;
  readonly onSingular: SingularPolicy;
}

function invalid(path: string, expected: string, got: unknown): never {
  throw new TrainerError("INVALID_OPTIONS", `${path} must be ${expected}, got ${String(got)}`, {
    path,
  });
}

/**
 * Applies defaults and checks every training option, before any work starts.
 *
 * @throws TrainerError `INVALID_OPTIONS` whose `path` names the option.
 */
export function resolveTrainOptions(options: TrainOptions = {}): ResolvedTrainOptions {
  if (typeof options !== "object" || options === null) invalid("options", "an object", options);
  if (options.alpha !== undefined && options.model !== undefined) {
    invalid("alpha", "left out when model is given (set model.alpha)", options.alpha);
  }
  const model = resolveModelSpec(
    options.model ?? {
      type: "ridge",
      ...(options.alpha === undefined ? {} : { alpha: options.alpha }),
    },
    options.model === undefined ? "" : "model.",
  );
  const seed = options.seed ?? 0;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) {
    invalid("seed", "an integer >= 0", seed);
  }
  const validationFraction = options.validationFraction ?? 0.2;
  if (
    typeof validationFraction !== "number" ||
    !(validationFraction > 0 && validationFraction < 1)
  ) {
    invalid("validationFraction", "a number in (0, 1)", validationFraction);
  }
  const folds = options.folds ?? 5;
  if (typeof folds !== "number" || !Number.isInteger(folds) || folds < 2) {
    invalid("folds", "an integer >= 2", folds);
  }
  const gap = options.gap ?? "auto";
  if (gap !== "auto" && (typeof gap !== "number" || !Number.isInteger(gap) || gap < 0)) {
    invalid("gap", 'an integer >= 0 or "auto"', gap);
  }
  const onProgress = options.onProgress ?? (() => {});
  if (typeof onProgress !== "function") invalid("onProgress", "a function", onProgress);
  const onSingular = options.onSingular ?? "error";
  if (onSingular !== "error" && onSingular !== "pseudo-inverse") {
    invalid("onSingular", '"error" or "pseudo-inverse"', onSingular);
  }
  return { model, seed, validationFraction, folds, gap, onProgress, onSingular };
}
