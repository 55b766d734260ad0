/**
 * Quantile binning: per feature, at most `maxBins - 1` ascending thresholds taken from the
 * values of the fit rows, and a one-byte bin per cell. `bin(x) = #thresholds < x`, so
 * `bin(x) <= b` exactly when `x <= thresholds[b]`: a split learnt on bins is the raw-value split
 * `x <= threshold` for every `x`, seen in training or not.
 */

/** Thresholds of one feature from its values (any order); copies, does not modify `values`. */
export function quantileThresholds(values: Float64Array, maxBins: number): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  const max = sorted[n - 1]!;
  let distinct = 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const out: number[] = [];
  if (distinct <= maxBins) {
    // Every distinct value but the largest is a threshold: splits are exact.
    for (let i = 0; i < n - 1; i++) if (sorted[i] !== sorted[i + 1]) out.push(sorted[i]!);
  } else {
    for (let b = 1; b < maxBins; b++) {
      const v = sorted[Math.ceil((b * n) / maxBins) - 1]!;
      if (v < max && (out.length === 0 || v > out[out.length - 1]!)) out.push(v);
    }
  }
  return Float64Array.from(out);
}

/** Index of the first threshold >= x (= the number of thresholds < x). NaN gets the last bin. */
export function binOf(thresholds: Float64Array, x: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (thresholds[mid]! < x || Number.isNaN(x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Thresholds per feature from rows `[start, end)` of a row-major matrix. */
export function fitThresholds(
  X: Float64Array,
  cols: number,
  start: number,
  end: number,
  maxBins: number,
): Float64Array[] {
  const column = new Float64Array(end - start);
  const out: Float64Array[] = [];
  for (let j = 0; j < cols; j++) {
    for (let i = start; i < end; i++) column[i - start] = X[i * cols + j]!;
    out.push(quantileThresholds(column, maxBins));
  }
  return out;
}

/** The binned matrix of rows `[start, end)`: one byte per cell, row-major. */
export function binRows(
  X: Float64Array,
  cols: number,
  start: number,
  end: number,
  thresholds: readonly Float64Array[],
): Uint8Array {
  const out = new Uint8Array((end - start) * cols);
  for (let i = start; i < end; i++) {
    const o = i * cols;
    const r = (i - start) * cols;
    for (let j = 0; j < cols; j++) out[r + j] = binOf(thresholds[j]!, X[o + j]!);
  }
  return out;
}
