import { TrainerError } from "./errors";
import type { SingularPolicy } from "./solve";

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
  | { readonly stage: "evaluate"; readonly message: string };

export interface TrainOptions {
  /** L2 penalty on standardized coefficients, >= 0 (0 = OLS). Default 1. */
  readonly alpha?: number;
  /** Share of rows (latest in time) held out for validation, in (0, 1). Default 0.2. */
  readonly validationFraction?: number;
  /** Walk-forward folds over the training rows, integer >= 2. Default 5. */
  readonly folds?: number;
  /** Embargo in time steps between each fold's train and test rows, integer >= 0. Default 0. */
  readonly gap?: number;
  /** Called synchronously at each step; must not throw. */
  readonly onProgress?: (event: TrainProgress) => void;
  /** Singular systems: `"error"` (default, `SINGULAR_SYSTEM`) or the `"pseudo-inverse"` fallback. */
  readonly onSingular?: SingularPolicy;
}

export interface ResolvedTrainOptions {
  readonly alpha: number;
  readonly validationFraction: number;
  readonly folds: number;
  readonly gap: number;
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
  const alpha = options.alpha ?? 1;
  if (typeof alpha !== "number" || !Number.isFinite(alpha) || alpha < 0) {
    invalid("alpha", "a finite number >= 0", alpha);
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
  const gap = options.gap ?? 0;
  if (typeof gap !== "number" || !Number.isInteger(gap) || gap < 0) {
    invalid("gap", "an integer >= 0", gap);
  }
  const onProgress = options.onProgress ?? (() => {});
  if (typeof onProgress !== "function") invalid("onProgress", "a function", onProgress);
  const onSingular = options.onSingular ?? "error";
  if (onSingular !== "error" && onSingular !== "pseudo-inverse") {
    invalid("onSingular", '"error" or "pseudo-inverse"', onSingular);
  }
  return { alpha, validationFraction, folds, gap, onProgress, onSingular };
}
