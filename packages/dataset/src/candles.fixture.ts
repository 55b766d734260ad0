import type { PriceSeries } from "./types";

const DAY = 86_400_000;

/** Deterministic candles (an LCG random walk), one per day from `startMs`. Test helper only. */
export function makeCandles(
  n: number,
  options: { seed?: number; startMs?: number; stepMs?: number; start?: number } = {},
): PriceSeries[] {
  let state = (options.seed ?? 1) >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const startMs = options.startMs ?? Date.UTC(2024, 0, 1);
  const step = options.stepMs ?? DAY;
  let close = options.start ?? 100;
  const out: PriceSeries[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ timestamp: new Date(startMs + i * step).toISOString(), close });
    close *= 1 + (random() - 0.5) * 0.04;
  }
  return out;
}

export const DAY_MS = DAY;
