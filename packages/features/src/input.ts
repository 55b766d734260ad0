import { FeatureError } from "./errors";

/** Throws `INVALID_INPUT` naming `index` unless `x` is a finite number > 0. */
export function checkClose(x: unknown, index: number): asserts x is number {
  // `x > 0` is false for NaN; the Infinity check covers the rest.
  if (typeof x !== "number" || !(x > 0) || x === Number.POSITIVE_INFINITY) {
    throw new FeatureError(
      "INVALID_INPUT",
      `close at index ${index} must be a finite number > 0, got ${String(x)}`,
      { index, field: "close" },
    );
  }
}

/**
 * Validates every close and returns them as a Float64Array (the same array when it already is one:
 * no copy on the hot path).
 */
export function toCloses(closes: ArrayLike<number>): Float64Array {
  if (typeof closes !== "object" || closes === null || typeof closes.length !== "number") {
    throw new FeatureError("INVALID_INPUT", "closes must be an array or typed array of numbers", {
      field: "close",
    });
  }
  const n = closes.length;
  if (closes instanceof Float64Array) {
    for (let i = 0; i < n; i++) {
      const x = closes[i]!;
      if (!(x > 0 && x < Number.POSITIVE_INFINITY)) checkClose(x, i);
    }
    return closes;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = closes[i];
    checkClose(x, i);
    out[i] = x;
  }
  return out;
}
