import type { BatchInput } from "./batch-input";
import { resumInterval } from "./kernels/resum";
import { twoPassMoments } from "./kernels/rolling-moments";
import { slideM2, slideMean } from "./kernels/welford";

export interface FusedColumns {
  readonly movingAverage: Float64Array;
  readonly rollingVolatility: Float64Array;
}

/**
 * One pass computing the simple returns (handed to `input` for `simple_return`), the moving
 * average and the rolling volatility together, for specs that ask for both rolling columns (the
 * default columns). Reading the closes once instead of three times is what keeps the default
 * table within the speed budget of hand-written loops (see the bench).
 *
 * It repeats, step for step, the loops of `definitions/moving-average.ts` and
 * `definitions/rolling-volatility.ts` (including their separate re-summation schedules; the
 * Welford slide itself is the one in `kernels/welford.ts`), so the result is bit-identical to
 * them; `fused-moving-average-volatility.test.ts` checks that. This is a deliberate hot-path
 * kernel: the loops are interleaved so the closes are read once.
 */
export function fusedMovingAverageAndVolatility(
  input: BatchInput,
  w: number,
  offset: number,
): FusedColumns {
  const c = input.closes;
  const n = c.length;
  const ma = new Float64Array(n - offset);
  const vol = new Float64Array(n - offset);
  // offset >= firstIndex(rolling_volatility) = w, and batch is only called with offset < n.
  const r = new Float64Array(n);
  r[0] = Number.NaN;
  const every = resumInterval(w);
  const ddof1 = w - 1;
  const pair = new Float64Array(2);

  let run = 0;
  let last = Number.NaN;
  for (let t = 1; t <= w; t++) {
    const x = c[t]! / c[t - 1]! - 1;
    r[t] = x;
    run = x === last ? run + 1 : 1;
    last = x;
  }
  // moving average: exact sum of the first window (input w-1), then its first slide (input w)
  let sum = 0;
  for (let i = 0; i < w; i++) sum += c[i]!;
  let sinceMa = 0;
  if (++sinceMa >= every) {
    sum = 0;
    for (let i = 1; i <= w; i++) sum += c[i]!;
    sinceMa = 0;
  } else {
    sum += c[w]! - c[0]!;
  }
  ma[w - offset] = sum / w;
  // volatility: two-pass over the first window of returns (input w)
  twoPassMoments(r, 1, w, pair);
  let mean = pair[0]!;
  let m2 = pair[1]!;
  if (run >= w) {
    mean = last;
    m2 = 0;
  }
  vol[w - offset] = Math.sqrt(m2 > 0 ? m2 / ddof1 : 0);
  let sinceVol = 0;

  for (let t = w + 1; t < n; t++) {
    const ct = c[t]!;
    const x = ct / c[t - 1]! - 1;
    r[t] = x;

    if (++sinceMa >= every) {
      sum = 0;
      for (let i = t - w + 1; i <= t; i++) sum += c[i]!;
      sinceMa = 0;
    } else {
      sum += ct - c[t - w]!;
    }
    ma[t - offset] = sum / w;

    run = x === last ? run + 1 : 1;
    last = x;
    if (++sinceVol >= every) {
      twoPassMoments(r, t - w + 1, w, pair);
      mean = pair[0]!;
      m2 = pair[1]!;
      sinceVol = 0;
    } else {
      const xOut = r[t - w]!;
      const next = slideMean(mean, x, xOut, w);
      m2 = slideM2(m2, mean, next, x, xOut);
      mean = next;
    }
    if (run >= w) {
      mean = last;
      m2 = 0;
    }
    vol[t - offset] = Math.sqrt(m2 > 0 ? m2 / ddof1 : 0);
  }
  input.provideSimpleReturns(r);
  return { movingAverage: ma, rollingVolatility: vol };
}
