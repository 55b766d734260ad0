/**
 * What a feature needs from history for its value at `t` to equal the value computed from the
 * whole series. Callers never reason about this themselves: `candlesNeeded(spec, rows)` does.
 */
export type HistoryNeed =
  /** The value at `t` depends only on the candles `t - firstIndex .. t`: exact with no extra history. */
  | { readonly kind: "window" }
  /**
   * A recursion (EMA, Wilder averages) whose memory of old candles decays: after `warmup` candles
   * beyond the first defined index, the weight the value still gives to the unseen history is at
   * most `tolerance` (relative to the values it averages).
   */
  | { readonly kind: "converging"; readonly warmup: number; readonly tolerance: number }
  /** The value depends on every earlier candle and never converges: compute over the whole series. */
  | { readonly kind: "all" };

/**
 * Candles per window length fetched ahead of a recursive feature (the v1 serving policy, kept so
 * stored models predict bit-identically): an EMA's memory decays as (1 - 2/(w+1))^k and a Wilder
 * average's as (1 - 1/w)^k, so k = 20·w leaves at most e^-40 and e^-20 (about 2e-9) of the unseen
 * history in the value.
 */
export const CONVERGENCE_FACTOR = 20;
/** Upper bound of one recursion's warm-up, whatever the window (the tolerance then says what it buys). */
export const MAX_CONVERGENCE_WARMUP = 5_000;

/**
 * History of a recursion `v = (1 - a)·v + a·x` with smoothing `a` run over `span` bars: warm-up
 * `min(20·span, 5000)` and its tolerance `(1 - a)^warmup`.
 */
export function converging(a: number, span: number): HistoryNeed {
  const warmup = Math.min(CONVERGENCE_FACTOR * span, MAX_CONVERGENCE_WARMUP);
  return { kind: "converging", warmup, tolerance: (1 - a) ** warmup };
}

/** A chain of recursions (MACD: EMAs feeding an EMA): warm-ups add up, tolerances add up. */
export function chained(...needs: readonly HistoryNeed[]): HistoryNeed {
  let warmup = 0;
  let tolerance = 0;
  for (const need of needs) {
    if (need.kind === "all") return need;
    if (need.kind === "converging") {
      warmup += need.warmup;
      tolerance += need.tolerance;
    }
  }
  return warmup === 0 ? { kind: "window" } : { kind: "converging", warmup, tolerance };
}

export const WINDOW: HistoryNeed = Object.freeze({ kind: "window" });
