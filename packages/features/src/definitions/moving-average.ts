import { columnOut, type FeatureDefinition, kernelOver } from "../definition";
import { WINDOW } from "../history";
import { resumInterval } from "../kernels/resum";
import { RollingMean } from "../kernels/rolling-mean";
import { windowParam } from "../params";

/** Mean of closes `t-w+1 .. t`, defined from input index `w - 1`. */
export const movingAverage: FeatureDefinition = {
  name: "moving_average",
  summary: "mean of the last w closes",
  inputs: ["close"],
  params: [windowParam("closes averaged")],
  firstIndex: (p) => p.window! - 1,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    const w = p.window!;
    // Same arithmetic, same order as RollingSum (the stream side, through RollingMean), kept in
    // locals for speed: this loop is the benchmarked default path.
    const c = input.closes;
    const n = c.length;
    const out = columnOut(input, offset, into);
    if (n < w) return out;
    const every = resumInterval(w);
    let sum = 0;
    for (let i = 0; i < w; i++) sum += c[i]!;
    if (w - 1 >= offset) out[w - 1 - offset] = sum / w;
    let since = 0;
    for (let t = w; t < n; t++) {
      if (++since >= every) {
        sum = 0;
        for (let i = t - w + 1; i <= t; i++) sum += c[i]!;
        since = 0;
      } else {
        sum += c[t]! - c[t - w]!;
      }
      out[t - offset] = sum / w; // offset <= w <= t
    }
    return out;
  },
  createKernel(p) {
    const w = p.window!;
    const mean = new RollingMean(w);
    return kernelOver(mean, (x) => mean.pushSum(x) / w); // NaN / w while the window fills
  },
};
