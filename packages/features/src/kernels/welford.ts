/**
 * The Welford slide of a rolling variance, written once: `x` enters the window of `w` values and
 * `xOut` leaves it. `rolling_volatility`'s batch path calls it (the agreement test checks it
 * against the stream kernel, `RollingMoments.slide`, which does the same arithmetic).
 *
 * Two scalar functions instead of one returning a pair: V8 inlines them and the callers keep mean
 * and m2 in locals (registers), which is what keeps the batch loops within their hand-loop budget
 * (bench/src/features.bench.mjs); a shared state object measured about 1.3 × slower.
 *
 * @example
 * const next = slideMean(mean, x, xOut, w);
 * m2 = slideM2(m2, mean, next, x, xOut);
 * mean = next;
 */
export function slideMean(mean: number, x: number, xOut: number, w: number): number {
  return mean + (x - xOut) / w;
}

/** The sum of squared deviations after the slide, from the means before and after it. */
export function slideM2(m2: number, mean: number, next: number, x: number, xOut: number): number {
  return m2 + (x - xOut) * (x - next + (xOut - mean));
}
