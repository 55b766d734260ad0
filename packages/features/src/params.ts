/** Parameter values of one column, by parameter name (every value an integer). */
export type Params = Readonly<Record<string, number>>;

/** One parameter of a feature definition: its name, integer range and default. */
export interface ParamDefinition {
  readonly name: string;
  readonly summary: string;
  readonly min: number;
  readonly max: number;
  /**
   * Value taken when a column does not give this parameter: `"lookback"` means the spec's
   * `lookback` (the v1 meaning of a bare name such as `moving_average`), a number is that value.
   */
  readonly default: "lookback" | number;
}

/** Largest window any parameter accepts (also the largest `lookback`). */
export const MAX_WINDOW = 10_000;

/** A window parameter: `w` values, 2..10000, defaulting to the spec's lookback. */
export function windowParam(summary = "window length in bars", min = 2): ParamDefinition {
  return { name: "window", summary, min, max: MAX_WINDOW, default: "lookback" };
}
