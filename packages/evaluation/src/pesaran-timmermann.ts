import { alignedSeries, finiteSeries } from "./input";
import { notDefined, type Outcome } from "./result";
import { normalSf } from "./special/distributions";

export interface PesaranTimmermann {
  readonly n: number;
  /** Share of rows where the predicted and the realized direction agree. */
  readonly hit_rate: number;
  /** Hit rate expected if forecast and outcome directions were independent, P*. */
  readonly expected_hit_rate: number;
  readonly statistic: number;
  /** One-sided p-value (standard normal) for "the forecast's direction carries information". */
  readonly p_value: number;
}

/**
 * Pesaran & Timmermann (1992) test of directional accuracy. A value is "up" when > 0 (0 counts
 * as not up, for forecasts and outcomes alike). With P̂ the hit rate, p_y, p_x the up shares of
 * outcomes and forecasts, `P* = p_y p_x + (1 − p_y)(1 − p_x)`, `V(P̂) = P*(1 − P*)/n`,
 * `V(P*) = (2p_y − 1)² p_x(1 − p_x)/n + (2p_x − 1)² p_y(1 − p_y)/n + 4 p_y p_x (1 − p_y)(1 − p_x)/n²`,
 * `PT = (P̂ − P*) / sqrt(V(P̂) − V(P*))`, asymptotically N(0, 1).
 *
 * Not defined for fewer than 2 rows, when all forecasts or all outcomes share one direction,
 * or when the variance difference is not positive.
 */
export function pesaranTimmermann(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): Outcome<PesaranTimmermann> {
  const n = finiteSeries(actual, "actual");
  alignedSeries(predicted, n, "predicted");
  if (n < 2) return notDefined("TOO_SHORT", "Pesaran–Timmermann needs at least 2 rows", n);
  let hits = 0;
  let upY = 0;
  let upX = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]! > 0;
    const x = predicted[i]! > 0;
    if (y) upY++;
    if (x) upX++;
    if (x === y) hits++;
  }
  if (upY === 0 || upY === n || upX === 0 || upX === n) {
    return notDefined(
      "CONSTANT_SEQUENCE",
      "all forecasts or all outcomes point the same way, so direction skill is not testable",
      n,
    );
  }
  const p = hits / n;
  const py = upY / n;
  const px = upX / n;
  const pStar = py * px + (1 - py) * (1 - px);
  const vP = (pStar * (1 - pStar)) / n;
  const vPStar =
    ((2 * py - 1) ** 2 * px * (1 - px)) / n +
    ((2 * px - 1) ** 2 * py * (1 - py)) / n +
    (4 * py * px * (1 - py) * (1 - px)) / (n * n);
  const v = vP - vPStar;
  if (!(v > 0)) return notDefined("ZERO_VARIANCE", "the PT variance is not positive", n);
  const statistic = (p - pStar) / Math.sqrt(v);
  return {
    defined: true,
    n,
    hit_rate: p,
    expected_hit_rate: pStar,
    statistic,
    p_value: normalSf(statistic),
  };
}
