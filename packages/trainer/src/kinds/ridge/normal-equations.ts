import { TrainerError } from "../../errors";
import { crossProductsCols4, sumsCols4 } from "./normal-equations-unrolled";
import type { DesignData, RowRange } from "../../range";

/**
 * Centered sufficient statistics of a row range: everything a ridge fit needs, in O(k²) memory.
 * `xtx` is the full symmetric k×k matrix Σ(x−m)(x−m)ᵀ (row-major), `xty` is Σ(x−m)(y−ȳ).
 */
export interface NormalEquations {
  readonly n: number;
  readonly cols: number;
  readonly means: Float64Array;
  readonly yMean: number;
  /** 1 where the column holds a single value over the range (min === max). */
  readonly constant: Uint8Array;
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  readonly yy: number;
}

/**
 * Two passes over the rows, no per-row allocation: pass 1 finds means (and min/max to detect
 * constant columns exactly), pass 2 accumulates the centered cross-products. The centered sums
 * Σ(x−m) are accumulated too and used for the classical two-pass correction, which removes
 * the rounding error of the mean from the result.
 */
export function accumulateNormalEquations(
  data: DesignData,
  range: RowRange,
  options: { readonly generic?: boolean } = {},
): NormalEquations {
  const { X, y, cols: k } = data;
  const { start, end } = range;
  const n = end - start;
  const sums = new Float64Array(k);
  const mins = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  const maxs = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  // `generic` exists for the test that proves the 4-column fast path bit-identical.
  const four = k === 4 && options.generic !== true;
  let ySum = 0;
  if (four) {
    ySum = sumsCols4(X, y, start, end, sums, mins, maxs);
  } else {
    for (let i = start; i < end; i++) {
      const o = i * k;
      for (let j = 0; j < k; j++) {
        const v = X[o + j]!;
        sums[j]! += v;
        if (v < mins[j]!) mins[j] = v;
        if (v > maxs[j]!) maxs[j] = v;
      }
      ySum += y[i]!;
    }
  }
  for (let j = 0; j < k; j++) {
    if (!Number.isFinite(sums[j]!)) {
      throw new TrainerError("INVALID_DATA", `feature column ${j} holds a non-finite value`, {
        path: `X[:, ${j}]`,
      });
    }
  }
  if (!Number.isFinite(ySum)) {
    throw new TrainerError("INVALID_DATA", "the target holds a non-finite value", { path: "y" });
  }

  const means = new Float64Array(k);
  const constant = new Uint8Array(k);
  for (let j = 0; j < k; j++) {
    const isConstant = mins[j] === maxs[j];
    // A constant column's mean is its value exactly (sum / n may round away from it).
    means[j] = isConstant ? mins[j]! : sums[j]! / n;
    constant[j] = isConstant ? 1 : 0;
  }
  const yMean = ySum / n;

  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  const dSum = new Float64Array(k);
  const d = new Float64Array(k);
  let yy = 0;
  let eSum = 0;
  if (four) {
    const out = new Float64Array(2);
    crossProductsCols4(X, y, start, end, means, yMean, xtx, xty, dSum, out);
    yy = out[0]!;
    eSum = out[1]!;
  } else {
    for (let i = start; i < end; i++) {
      const o = i * k;
      const e = y[i]! - yMean;
      for (let j = 0; j < k; j++) d[j] = X[o + j]! - means[j]!;
      for (let j = 0; j < k; j++) {
        const dj = d[j]!;
        const row = j * k;
        for (let l = j; l < k; l++) xtx[row + l]! += dj * d[l]!;
        xty[j]! += dj * e;
        dSum[j]! += dj;
      }
      yy += e * e;
      eSum += e;
    }
  }
  for (let j = 0; j < k; j++) {
    for (let l = j; l < k; l++) {
      const v = xtx[j * k + l]! - (dSum[j]! * dSum[l]!) / n;
      xtx[j * k + l] = v;
      xtx[l * k + j] = v;
    }
    xty[j] = xty[j]! - (dSum[j]! * eSum) / n;
  }
  yy -= (eSum * eSum) / n;
  for (let j = 0; j < k; j++) {
    if (constant[j] === 1) {
      for (let l = 0; l < k; l++) {
        xtx[j * k + l] = 0;
        xtx[l * k + j] = 0;
      }
      xty[j] = 0;
    }
  }
  return { n, cols: k, means, yMean, constant, xtx, xty, yy };
}
