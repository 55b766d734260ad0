import { columnOut, type FeatureDefinition, kernelWithPreviousClose } from "../definition";
import { WINDOW } from "../history";
import { resumInterval } from "../kernels/resum";
import { twoPassMoments } from "../kernels/rolling-moments";
import { RollingVariance } from "../kernels/rolling-variance";
import { slideM2, slideMean } from "../kernels/welford";
import { windowParam } from "../params";

/**
 * Sample standard deviation (ddof = 1, as pandas' `rolling(w).std()`) of the simple returns
 * `t-w+1 .. t`, defined from input index `w`. Accuracy notes are in `RollingMoments`; the stream kernel is `RollingVariance`.
 */
export const rollingVolatility: FeatureDefinition = {
  name: "rolling_volatility",
  summary: "sample std (ddof 1) of the last w simple returns",
  inputs: ["close"],
  params: [windowParam("simple returns in the window")],
  firstIndex: (p) => p.window!,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    const w = p.window!;
    // RollingMoments' arithmetic in the same order, held in locals for speed. The returns are the
    // shared simple-return series: the same expression as the stream computes, so the same values.
    const n = input.closes.length;
    const out = columnOut(input, offset, into);
    if (n <= w) return out;
    const r = input.simpleReturns();
    const every = resumInterval(w);
    const ddof1 = w - 1;
    const pair = new Float64Array(2);
    let run = 0;
    let last = Number.NaN;
    for (let t = 1; t <= w; t++) {
      const x = r[t]!;
      run = x === last ? run + 1 : 1;
      last = x;
    }
    twoPassMoments(r, 1, w, pair);
    let mean = pair[0]!;
    let m2 = pair[1]!;
    if (run >= w) {
      mean = last;
      m2 = 0;
    }
    out[w - offset] = Math.sqrt(m2 > 0 ? m2 / ddof1 : 0); // offset <= w
    let since = 0;
    for (let t = w + 1; t < n; t++) {
      const x = r[t]!;
      run = x === last ? run + 1 : 1;
      last = x;
      if (++since >= every) {
        twoPassMoments(r, t - w + 1, w, pair);
        mean = pair[0]!;
        m2 = pair[1]!;
        since = 0;
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
      out[t - offset] = Math.sqrt(m2 > 0 ? m2 / ddof1 : 0);
    }
    return out;
  },
  createKernel(p) {
    const v = new RollingVariance(p.window!);
    return kernelWithPreviousClose([v], (pc, x) => Math.sqrt(v.push(x / pc - 1)));
  },
};
