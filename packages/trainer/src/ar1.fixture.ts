import type { PriceSeries } from "@mle/dataset";

/**
 * Candles whose simple returns follow an AR(1) process r[t] = phi·r[t-1] + sigma·e[t]
 * (e standard normal from a seeded LCG + Box-Muller). Test helper only.
 * For a Gaussian AR(1), P(sign r[t+1] = sign r[t]) = 1/2 + asin(phi)/π.
 */
export function ar1Candles(n: number, phi: number, seed: number, sigma = 0.01): PriceSeries[] {
  let s = seed >>> 0;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const start = Date.UTC(2020, 0, 1);
  let close = 100;
  let r = 0;
  const out: PriceSeries[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ timestamp: new Date(start + i * 86_400_000).toISOString(), close });
    const e = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    r = phi * r + sigma * e;
    close *= 1 + r;
  }
  return out;
}
