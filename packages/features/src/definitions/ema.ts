import { batchFromKernel, type FeatureDefinition, type FeatureKernel } from "../definition";
import { converging } from "../history";
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
  createKernel(p): FeatureKernel {
    const w = p.window!;
    const alpha = 2 / (w + 1);
    let count = 0;
    let sum = 0;
    let value = Number.NaN;
    // the state before the last push, for undo
    let sCount = 0;
    let sSum = 0;
    let sValue = Number.NaN;
    return {
      push(x) {
        sCount = count;
        sSum = sum;
        sValue = value;
        if (count >= w) return (value += alpha * (x - value));
        sum += x;
        if (++count === w) value = sum / w;
        return value;
      },
      undo() {
        count = sCount;
        sum = sSum;
        value = sValue;
      },
      reset() {
        count = 0;
        sum = 0;
        value = Number.NaN;
      },
    };
  },
};
