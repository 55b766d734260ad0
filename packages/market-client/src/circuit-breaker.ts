export type BreakerState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit; default 5. */
  failureThreshold?: number;
  /** Time the circuit stays open before one probe call is let through; default 30 000 ms. */
  resetMs?: number;
  now?: () => number;
  onStateChange?: (from: BreakerState, to: BreakerState) => void;
}

/** What {@link CircuitBreaker.acquire} decided for one call. */
export type BreakerTicket =
  | { readonly allowed: false }
  | { readonly allowed: true; readonly probe: boolean };

/** A call's outcome: `failure` counts, `success` resets, `neutral` (aborted by the caller) changes nothing. */
export type BreakerOutcome = "success" | "failure" | "neutral";

export interface CircuitBreaker {
  readonly state: BreakerState;
  acquire(): BreakerTicket;
  settle(ticket: BreakerTicket, outcome: BreakerOutcome): void;
}

/**
 * Closed -> open after `failureThreshold` consecutive failed calls; open -> half-open once `resetMs`
 * has passed, letting exactly one probe call through; the probe's success closes the circuit, its
 * failure opens it again for another `resetMs`.
 *
 * @example
 * ```ts
 * const breaker = createCircuitBreaker({ failureThreshold: 3, resetMs: 1000 });
 * const ticket = breaker.acquire();
 * if (ticket.allowed) breaker.settle(ticket, "success");
 * ```
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const resetMs = options.resetMs ?? 30_000;
  const now = options.now ?? Date.now;
  let state: BreakerState = "closed";
  let failures = 0;
  let openedAt = 0;
  let probeInFlight = false;

  const move = (to: BreakerState): void => {
    if (to === state) return;
    const from = state;
    state = to;
    options.onStateChange?.(from, to);
  };

  return {
    get state() {
      return state;
    },
    acquire() {
      if (state === "closed") return { allowed: true, probe: false };
      if (state === "open" && now() - openedAt >= resetMs) move("half-open");
      if (state === "half-open" && !probeInFlight) {
        probeInFlight = true;
        return { allowed: true, probe: true };
      }
      return { allowed: false };
    },
    settle(ticket, outcome) {
      if (!ticket.allowed) return;
      if (ticket.probe) probeInFlight = false;
      if (outcome === "neutral") return;
      if (outcome === "success") {
        failures = 0;
        if (ticket.probe) move("closed");
        return;
      }
      if (ticket.probe) {
        openedAt = now();
        move("open");
      } else if (state === "closed" && ++failures >= threshold) {
        openedAt = now();
        move("open");
      }
    },
  };
}
