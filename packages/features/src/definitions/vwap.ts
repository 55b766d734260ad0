import { columnOut, type FeatureDefinition, type FeatureKernel } from "../definition";
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
    // in one loop of locals. The terms of the last w bars are kept in two rings of w values, so a
    // leaving term is the very value that entered (the stream keeps them in its windows too) and
    // each step divides once for the typical price and once for the value; the values equal the
    // stream's bit for bit.
    const w = p.window!;
    const { close: c, high: h, low: l, volume: v } = input;
    const n = c.length;
    const out = columnOut(input, offset, into);
    if (n < w) return out;
    const every = resumInterval(w);
    const tps = new Float64Array(w); // tp of bar t at slot t mod w
    const pvs = new Float64Array(w); // tp·v of bar t at slot t mod w
    let zeroRun = 0;
    let a = 0;
    let b = 0;
    let m = 0;
    for (let i = 0; i < w; i++) {
      const tp = (h[i]! + l[i]! + c[i]!) / 3;
      const vi = v[i]!;
      const pv = tp * vi;
      tps[i] = tp;
      pvs[i] = pv;
      zeroRun = vi === 0 ? zeroRun + 1 : 0;
      a += pv;
      b += vi;
      m += tp;
    }
    if (w - 1 >= offset) out[w - 1 - offset] = zeroRun >= w ? m / w : a / b;
    let since = 0;
    let slot = 0; // slot of bar t − w, which bar t replaces
    for (let t = w; t < n; t++) {
      const tp = (h[t]! + l[t]! + c[t]!) / 3;
      const vt = v[t]!;
      const pv = tp * vt;
      const tpo = tps[slot]!;
      const pvo = pvs[slot]!;
      tps[slot] = tp;
      pvs[slot] = pv;
      slot = slot + 1 === w ? 0 : slot + 1;
      zeroRun = vt === 0 ? zeroRun + 1 : 0;
      if (++since >= every) {
        // oldest to newest: slots slot .. w − 1, then 0 .. slot − 1
        a = 0;
        b = 0;
        m = 0;
        for (let k = 0; k < w; k++) {
          const j = slot + k < w ? slot + k : slot + k - w;
          a += pvs[j]!;
          b += v[t - w + 1 + k]!;
          m += tps[j]!;
        }
        since = 0;
      } else {
        a += pv - pvo;
        b += vt - v[t - w]!;
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
