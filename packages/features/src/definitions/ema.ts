import { batchFromKernel, type FeatureDefinition, type FeatureKernel } from "../definition";

/**
 * Exponential moving average with alpha = 2 / (w + 1), seeded at input index `w - 1` with the mean
 * of the first `w` closes, then `ema += alpha * (close - ema)`.
 */
export const ema: FeatureDefinition = {
  name: "ema",
  summary: "EMA, alpha 2/(w+1), seeded with the SMA of the first w closes",
  firstIndex: (w) => w - 1,
  batch(input, w, offset) {
    return batchFromKernel(ema.createKernel(w), input.closes, offset);
  },
  createKernel(w): FeatureKernel {
    const alpha = 2 / (w + 1);
    let count = 0;
    let sum = 0;
    let value = Number.NaN;
    return {
      push(x) {
        if (count >= w) return (value += alpha * (x - value));
        sum += x;
        if (++count === w) value = sum / w;
        return value;
      },
      reset() {
        count = 0;
        sum = 0;
        value = Number.NaN;
      },
    };
  },
};
