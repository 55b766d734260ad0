import { EvaluationError } from "./errors";

/** Checks that every value is finite and returns the length. */
export function finiteSeries(values: ArrayLike<number>, path: string): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new EvaluationError("INVALID_INPUT", `${path}[${i}] is not a finite number`, { path });
    }
  }
  return values.length;
}

/** Checks that `values` has `n` finite entries. */
export function alignedSeries(values: ArrayLike<number>, n: number, path: string): void {
  if (values.length !== n) {
    throw new EvaluationError(
      "INVALID_INPUT",
      `${path} has ${values.length} values, expected ${n} (one per actual value)`,
      { path },
    );
  }
  finiteSeries(values, path);
}

/** A forecast given as one constant or as one value per row. */
export type Forecast = ArrayLike<number> | number;

/** Reads a {@link Forecast} as a function of the row, after checking it. */
export function forecastAt(forecast: Forecast, n: number, path: string): (i: number) => number {
  if (typeof forecast === "number") {
    if (!Number.isFinite(forecast)) {
      throw new EvaluationError("INVALID_INPUT", `${path} is not a finite number`, { path });
    }
    return () => forecast;
  }
  alignedSeries(forecast, n, path);
  return (i) => forecast[i]!;
}

/** A coverage level strictly between 0 and 1 (0.9 for a 90 % interval). */
export function level(value: unknown, path = "level"): number {
  if (typeof value !== "number" || !(value > 0 && value < 1)) {
    throw new EvaluationError(
      "INVALID_OPTIONS",
      `${path} must be a number strictly between 0 and 1, got ${String(value)}`,
      { path },
    );
  }
  return value;
}

/** `x * ln(y)` with the convention `0 * ln(0) = 0` that likelihood ratios need. */
export function xlogy(x: number, y: number): number {
  return x === 0 ? 0 : x * Math.log(y);
}
