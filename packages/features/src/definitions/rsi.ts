import { batchFromKernel, type FeatureDefinition, type FeatureKernel } from "../definition";
import { converging } from "../history";
import { windowParam } from "../params";

/** RSI from Wilder averages; 100 when there were only gains, 50 when the price never moved. */
export function rsiFromAverages(avgGain: number, avgLoss: number): number {
  if (avgLoss === 0) return avgGain === 0 ? 50 : 100;
  return 100 - 100 / (1 + avgGain / avgLoss);
}

/**
 * Wilder's RSI over `w` periods: the first averages are the plain means of the gains and losses of
 * the first `w` changes (defined at input index `w`), then `avg = (avg * (w - 1) + current) / w`.
 */
export const rsi: FeatureDefinition = {
  name: "rsi",
  summary: "Wilder RSI over w periods (0..100)",
  inputs: ["close"],
  params: [windowParam("Wilder periods")],
  firstIndex: (p) => p.window!,
  history: (p) => converging(1 / p.window!, p.window!),
  batch(input, p, offset, into) {
    return batchFromKernel(rsi.createKernel(p), input, offset, into);
  },
  createKernel(p): FeatureKernel {
    const w = p.window!;
    let prev = Number.NaN;
    let changes = 0;
    let gain = 0;
    let loss = 0;
    // the state before the last push, for undo
    let sPrev = Number.NaN;
    let sChanges = 0;
    let sGain = 0;
    let sLoss = 0;
    return {
      push(x) {
        sPrev = prev;
        sChanges = changes;
        sGain = gain;
        sLoss = loss;
        const p = prev;
        prev = x;
        if (Number.isNaN(p)) return Number.NaN;
        const change = x - p;
        const up = Math.max(change, 0);
        const down = change < 0 ? -change : 0;
        changes++;
        if (changes > w) {
          gain = (gain * (w - 1) + up) / w;
          loss = (loss * (w - 1) + down) / w;
          return rsiFromAverages(gain, loss);
        }
        gain += up;
        loss += down;
        if (changes < w) return Number.NaN;
        gain /= w;
        loss /= w;
        return rsiFromAverages(gain, loss);
      },
      undo() {
        prev = sPrev;
        changes = sChanges;
        gain = sGain;
        loss = sLoss;
      },
      reset() {
        prev = Number.NaN;
        changes = 0;
        gain = 0;
        loss = 0;
      },
    };
  },
};
