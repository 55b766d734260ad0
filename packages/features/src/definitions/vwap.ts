import type { FeatureDefinition, FeatureKernel } from "../definition";
import { WINDOW } from "../history";
import { RollingMean } from "../kernels/rolling-mean";
import { windowParam } from "../params";

/**
 * Volume-weighted average of the typical price `(high + low + close) / 3` over the last w bars:
 * `Σ tp·v / Σ v`. A window with no volume at all (every v = 0, tracked exactly by a run counter,
 * not by the rounded sum) has no weights: then the plain mean of the typical price.
 */
export const vwap: FeatureDefinition = {
  name: "vwap",
  summary:
    "volume-weighted average typical price (h+l+c)/3 over w bars; the plain mean with no volume",
  inputs: ["high", "low", "close", "volume"],
  params: [windowParam("bars in the window")],
  firstIndex: (p) => p.window! - 1,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    const kernel = vwap.createKernel(p);
    const { close: c, high: h, low: l, volume: v } = input;
    const n = c.length;
    const out = into ?? new Float64Array(n - offset);
    for (let t = 0; t < n; t++) {
      const x = kernel.push(c[t]!, Number.NaN, h[t]!, l[t]!, v[t]!);
      if (t >= offset) out[t - offset] = x;
    }
    return out;
  },
  createKernel(p): FeatureKernel {
    const w = p.window!;
    const pv = new RollingMean(w);
    const vol = new RollingMean(w);
    const tps = new RollingMean(w);
    let zeroRun = 0;
    let sZeroRun = 0;
    return {
      push(c, _o, h, l, v) {
        const tp = (h + l + c) / 3;
        sZeroRun = zeroRun;
        zeroRun = v === 0 ? zeroRun + 1 : 0;
        const a = pv.pushSum(tp * v);
        const b = vol.pushSum(v);
        const m = tps.pushSum(tp);
        if (Number.isNaN(a)) return Number.NaN;
        return zeroRun >= w ? m / w : a / b;
      },
      undo() {
        pv.undo();
        vol.undo();
        tps.undo();
        zeroRun = sZeroRun;
      },
      reset() {
        pv.reset();
        vol.reset();
        tps.reset();
        zeroRun = 0;
      },
    };
  },
};
