import { batchFromKernel, type FeatureDefinition, kernelWithPreviousClose } from "../definition";
import { WINDOW } from "../history";
import { RollingMean } from "../kernels/rolling-mean";
import { RollingVariance } from "../kernels/rolling-variance";
import { windowParam } from "../params";
import { rogersSatchellTerm } from "./range-volatility";

/**
 * Yang–Zhang volatility over w bars: `sqrt(σo² + k·σc² + (1 − k)·σrs²)` with σo² the sample
 * variance of the overnight returns ln(open/previous close), σc² that of ln(close/open), σrs² the
 * mean Rogers–Satchell term, and `k = 0.34 / (1.34 + (w + 1)/(w − 1))`. Defined from index w.
 */
export const yangZhangVolatility: FeatureDefinition = {
  name: "yang_zhang_volatility",
  summary: "Yang–Zhang volatility over w bars (overnight, open-close and Rogers–Satchell parts)",
  inputs: ["open", "high", "low", "close"],
  params: [windowParam("bars in the window")],
  firstIndex: (p) => p.window!,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    return batchFromKernel(yangZhangVolatility.createKernel(p), input, offset, into);
  },
  createKernel(p) {
    const w = p.window!;
    const k = 0.34 / (1.34 + (w + 1) / (w - 1));
    const overnight = new RollingVariance(w);
    const openClose = new RollingVariance(w);
    const rs = new RollingMean(w);
    return kernelWithPreviousClose([overnight, openClose, rs], (pc, c, o, h, l) => {
      const vo = overnight.push(Math.log(o / pc));
      const vc = openClose.push(Math.log(c / o));
      const s = rs.pushSum(rogersSatchellTerm(c, o, h, l));
      if (Number.isNaN(s)) return Number.NaN;
      const v = vo + k * vc + (1 - k) * (s / w);
      return Math.sqrt(v > 0 ? v : 0);
    });
  },
};
