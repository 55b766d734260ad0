/**
 * Running sums drift: every `resumInterval(w)` slides the rolling kernels recompute their state
 * exactly from the window. Amortised cost is at most one extra add per step, so the whole pass
 * stays O(n) whatever the window, and the error never accumulates over more than this many steps.
 */
export const RESUM_MIN_INTERVAL = 1024;

export function resumInterval(w: number): number {
  return Math.max(w, RESUM_MIN_INTERVAL);
}
