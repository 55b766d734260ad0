import { batchFromKernel, type FeatureDefinition, kernelWithPreviousClose } from "../definition";
import { converging } from "../history";
import { WilderAverage } from "../kernels/wilder";
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
  createKernel(p) {
    const gain = new WilderAverage(p.window!);
    const loss = new WilderAverage(p.window!);
    return kernelWithPreviousClose([gain, loss], (pc, x) => {
      const change = x - pc;
      const g = gain.push(Math.max(change, 0));
      const l = loss.push(change < 0 ? -change : 0);
      return Number.isNaN(g) ? g : rsiFromAverages(g, l);
    });
  },
};
