import type { HyperparameterValue } from "../model";
import type { DesignData, RowRange } from "../range";
import type { ParamTable } from "./params";
import type { SingularPolicy } from "./ridge/solve";

/** Progress of one fit (for example one event per boosted tree). `message` is ready to print. */
export interface FitProgress {
  readonly iteration: number;
  readonly iterations: number;
  readonly message: string;
}

/** What a fit gets besides the data and its hyperparameters. */
export interface FitContext {
  /** Seed of every random choice of the fit (row subsampling, ...). Same seed, same bytes. */
  readonly seed: number;
  /** Names of the design columns, in order. */
  readonly featureColumns: readonly string[];
  /** Called synchronously; must not throw. */
  readonly onProgress: (event: FitProgress) => void;
  /** Ridge only: what a singular system does. */
  readonly onSingular: SingularPolicy;
}

/** The prediction side of a model: both functions give bit-identical values for the same row. */
export interface RowModel {
  /** Predicts one row of raw feature values in the model's column order. */
  predictRow(x: ArrayLike<number>): number;
  /** Predicts rows `[range.start, range.end)` of a row-major matrix, no per-row allocation. */
  predictRange(
    data: Pick<DesignData, "X" | "cols">,
    range: RowRange,
    out?: Float64Array,
  ): Float64Array;
}

/**
 * A model kind: everything the trainer, the CLI, serving and the docs know about one type of
 * model. Adding a kind is one folder under `src/kinds/` exporting one of these and one line in
 * `MODEL_KINDS`.
 */
export interface ModelKind<Name extends string, P extends Record<string, number>, Body> {
  readonly name: Name;
  /** One line for `--help` and the docs. */
  readonly summary: string;
  /** Hyperparameters (zod schema with defaults, documented ranges). */
  readonly params: ParamTable<P>;
  /**
   * Fits on rows `range` of `design` and returns the artifact body: plain JSON data, written
   * with a fixed key order, so the same data, params and seed give the same bytes. Absent for
   * kinds that are only imported (trained elsewhere).
   */
  readonly fit?: (design: DesignData, range: RowRange, params: P, ctx: FitContext) => Body;
  /**
   * Validates an untrusted body (already `JSON.parse`d) for a model of `columns` inputs and
   * returns a clean copy. Throws TrainerError `INVALID_MODEL` with a `body.…` path.
   */
  readonly parseBody: (body: unknown, columns: number) => Body;
  /** Builds the in-memory predictor of a validated body. */
  readonly load: (body: Body) => RowModel;
  /**
   * Rows in the model's column order that the model must answer with finite numbers before it
   * is served (a model that overflows there is refused at load time). Absent: one row of zeros.
   */
  readonly probeRows?: (body: Body) => readonly (readonly number[])[];
  /**
   * Present for kinds trained elsewhere: turns the file another tool wrote (already
   * `JSON.parse`d) into this kind's body for inputs `features`, with the hyperparameters the file
   * records. Throws TrainerError `INVALID_MODEL`, `UNSUPPORTED_MODEL` or `FEATURE_MISMATCH`.
   */
  readonly importFile?: (json: unknown, features: readonly string[]) => ImportedBody<Body>;
}

/** What a kind's `importFile` makes of a foreign model file. */
export interface ImportedBody<Body> {
  readonly body: Body;
  /** For the envelope's `hyperparameters`: what the file says about how the model was built. */
  readonly hyperparameters: Record<string, HyperparameterValue>;
}

/** Any kind, for code that handles them generically. */
// biome-ignore lint/suspicious/noExplicitAny: the table holds kinds of different parameter and body types.
export type AnyModelKind = ModelKind<string, any, any>;

/** A kind `train()` can fit: `fit` is present. */
export type TrainableModelKind<
  Name extends string,
  P extends Record<string, number>,
  Body,
> = ModelKind<Name, P, Body> & { readonly fit: NonNullable<ModelKind<Name, P, Body>["fit"]> };
