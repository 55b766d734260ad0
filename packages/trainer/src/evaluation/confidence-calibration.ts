import { type Calibration, calibrationBuckets, normalCdf, type Outcome } from "@mle/evaluation";
import type { OutOfSampleSet } from "./out-of-sample";

/**
 * The served `confidence`: probability that the realised return has the predicted sign under
 * `actual = prediction + e, e ~ N(mean, std²)` of the stored residuals, i.e.
 * `Φ(sign(p) · (p + mean) / std)`; 0.5 for a prediction of 0, the directional accuracy when std
 * is degenerate. The same formula as @mle/inference's `directionConfidence` (which keeps its own
 * normal CDF so served values stay bit-identical).
 */
export function servedConfidence(
  prediction: number,
  residuals: { readonly mean: number; readonly std: number; readonly directional_accuracy: number },
): number {
  if (prediction === 0) return 0.5;
  const { mean, std } = residuals;
  if (!(std > 0) || !Number.isFinite(std))
    return Math.min(1, Math.max(0, residuals.directional_accuracy));
  const direction = prediction > 0 ? 1 : -1;
  return Math.min(1, Math.max(0, normalCdf((direction * (prediction + mean)) / std)));
}

/**
 * Calibration of the served confidence on an out-of-sample set: five buckets over [0, 1]
 * (confidence is mostly >= 0.5, below it only when the residual mean outweighs the prediction),
 * outcome = the realised return has the predicted (non-zero) sign.
 */
export function confidenceCalibration(
  set: OutOfSampleSet,
  residuals: { readonly mean: number; readonly std: number; readonly directional_accuracy: number },
): Outcome<Calibration> {
  const n = set.actual.length;
  const confidence = new Float64Array(n);
  const hit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = set.predicted[i]!;
    confidence[i] = servedConfidence(p, residuals);
    hit[i] = p * set.actual[i]! > 0 ? 1 : 0;
  }
  return calibrationBuckets(confidence, hit, { buckets: 10, min: 0, max: 1 });
}
