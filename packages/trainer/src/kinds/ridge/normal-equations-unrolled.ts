/**
 * The two passes of `accumulateNormalEquations` unrolled for 4 feature columns (the
 * default feature set), with every accumulator in a local instead of a typed-array slot. Each accumulator
 * still adds the same terms in the same row order, so the results are bit-identical to the
 * generic loops (tested); only the loads and stores per row go away.
 */

/** Pass 1: column sums, mins and maxs into the given arrays; returns the sum of `y`. */
export function sumsCols4(
  X: Float64Array,
  y: Float64Array,
  start: number,
  end: number,
  sums: Float64Array,
  mins: Float64Array,
  maxs: Float64Array,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let lo0 = mins[0]!;
  let lo1 = mins[1]!;
  let lo2 = mins[2]!;
  let lo3 = mins[3]!;
  let hi0 = maxs[0]!;
  let hi1 = maxs[1]!;
  let hi2 = maxs[2]!;
  let hi3 = maxs[3]!;
  let ySum = 0;
  for (let i = start, o = start * 4; i < end; i++, o += 4) {
    const v0 = X[o]!;
    const v1 = X[o + 1]!;
    const v2 = X[o + 2]!;
    const v3 = X[o + 3]!;
    s0 += v0;
    s1 += v1;
    s2 += v2;
    s3 += v3;
    if (v0 < lo0) lo0 = v0;
    if (v1 < lo1) lo1 = v1;
    if (v2 < lo2) lo2 = v2;
    if (v3 < lo3) lo3 = v3;
    if (v0 > hi0) hi0 = v0;
    if (v1 > hi1) hi1 = v1;
    if (v2 > hi2) hi2 = v2;
    if (v3 > hi3) hi3 = v3;
    ySum += y[i]!;
  }
  sums[0] = s0;
  sums[1] = s1;
  sums[2] = s2;
  sums[3] = s3;
  mins[0] = lo0;
  mins[1] = lo1;
  mins[2] = lo2;
  mins[3] = lo3;
  maxs[0] = hi0;
  maxs[1] = hi1;
  maxs[2] = hi2;
  maxs[3] = hi3;
  return ySum;
}

/**
 * Pass 2: upper triangle of Σ(x−m)(x−m)ᵀ into `xtx` (row-major 4×4), Σ(x−m)(y−ȳ) into `xty`,
 * Σ(x−m) into `dSum`; `out` receives [Σ(y−ȳ)², Σ(y−ȳ)].
 */
export function crossProductsCols4(
  X: Float64Array,
  y: Float64Array,
  start: number,
  end: number,
  means: Float64Array,
  yMean: number,
  xtx: Float64Array,
  xty: Float64Array,
  dSum: Float64Array,
  out: Float64Array,
): void {
  const m0 = means[0]!;
  const m1 = means[1]!;
  const m2 = means[2]!;
  const m3 = means[3]!;
  let a00 = 0;
  let a01 = 0;
  let a02 = 0;
  let a03 = 0;
  let a11 = 0;
  let a12 = 0;
  let a13 = 0;
  let a22 = 0;
  let a23 = 0;
  let a33 = 0;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let yy = 0;
  let eSum = 0;
  for (let i = start, o = start * 4; i < end; i++, o += 4) {
    const e = y[i]! - yMean;
    const d0 = X[o]! - m0;
    const d1 = X[o + 1]! - m1;
    const d2 = X[o + 2]! - m2;
    const d3 = X[o + 3]! - m3;
    a00 += d0 * d0;
    a01 += d0 * d1;
    a02 += d0 * d2;
    a03 += d0 * d3;
    a11 += d1 * d1;
    a12 += d1 * d2;
    a13 += d1 * d3;
    a22 += d2 * d2;
    a23 += d2 * d3;
    a33 += d3 * d3;
    b0 += d0 * e;
    b1 += d1 * e;
    b2 += d2 * e;
    b3 += d3 * e;
    s0 += d0;
    s1 += d1;
    s2 += d2;
    s3 += d3;
    yy += e * e;
    eSum += e;
  }
  xtx[0] = a00;
  xtx[1] = a01;
  xtx[2] = a02;
  xtx[3] = a03;
  xtx[5] = a11;
  xtx[6] = a12;
  xtx[7] = a13;
  xtx[10] = a22;
  xtx[11] = a23;
  xtx[15] = a33;
  xty[0] = b0;
  xty[1] = b1;
  xty[2] = b2;
  xty[3] = b3;
  dSum[0] = s0;
  dSum[1] = s1;
  dSum[2] = s2;
  dSum[3] = s3;
  out[0] = yy;
  out[1] = eSum;
}
