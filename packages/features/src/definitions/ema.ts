import { batchFromKernel, type FeatureDefinition, kernelOver } from "../definition";
import { converging } from "../history";
import { Ema } from "../kernels/ema";
import { windowParam } from "../params";

/**
 * Exponential moving average with alpha = 2 / (w + 1), seeded at input index `w - 1` with the mean
 * of the first `w` closes, then `ema += alpha * (close - ema)`.
 */
export const ema: FeatureDefinition = {
  name: "ema",
  summary: "EMA, alpha 2/(w+1), seeded with the SMA of the first w closes",
  inputs: ["close"],
  params: [windowParam("span: alpha = 2 / (window + 1)")],
  firstIndex: (p) => p.window! - 1,
  history: (p) => converging(2 / (p.window! + 1), p.window!),
  batch(input, p, offset, into) {
    return batchFromKernel(ema.createKernel(p), input, offset, into);
  },
  createKernel(p) {
    const e = new Ema(p.window!);
    return kernelOver(e, (x) => e.push(x));
  },
};
