import type { FeatureDefinition, FeatureKernel } from "../definition";
import { WINDOW } from "../history";
import { resumInterval } from "../kernels/resum";
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
    // The kernel's three RollingMean sums (same re-summation schedule, oldest-to-newest re-sums)
    // in one loop of locals; a leaving term is recomputed from its candle, the same expression
    // as when it entered, so the values equal the stream's bit for bit.
    const w = p.window!;
    const { close: c, high: h, low: l, volume: v } = input;
    const n = c.length;
    const out = into ?? new Float64Array(n - offset);
    if (n < w) return out;
    const every = resumInterval(w);
    let zeroRun = 0;
    let a = 0;
    let b = 0;
    let m = 0;
    for (let i = 0; i < w; i++) {
      const tp = (h[i]! + l[i]! + c[i]!) / 3;
      const vi = v[i]!;
      zeroRun = vi === 0 ? zeroRun + 1 : 0;
      a += tp * vi;
      b += vi;
      m += tp;
    }
    if (w - 1 >= offset) out[w - 1 - offset] = zeroRun >= w ? m / w : a / b;
    let since = 0;
    for (let t = w; t < n; t++) {
      const tp = (h[t]! + l[t]! + c[t]!) / 3;
      const vt = v[t]!;
      zeroRun = vt === 0 ? zeroRun + 1 : 0;
      if (++since >= every) {
        a = 0;
        b = 0;
        m = 0;
        for (let i = t - w + 1; i <= t; i++) {
          const tpi = (h[i]! + l[i]! + c[i]!) / 3;
          const vi = v[i]!;
          a += tpi * vi;
          b += vi;
          m += tpi;
        }
        since = 0;
      } else {
        const o = t - w;
        const tpo = (h[o]! + l[o]! + c[o]!) / 3;
        const vo = v[o]!;
        a += tp * vt - tpo * vo;
        b += vt - vo;
        m += tp - tpo;
      }
      out[t - offset] = zeroRun >= w ? m / w : a / b; // offset <= w - 1 < t
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
