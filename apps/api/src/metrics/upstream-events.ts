import type { ApiMetrics, CircuitState } from "./api-metrics";

/**
 * The shape of `UpstreamEvent` from @mle/market-client's http source, as far as metrics need it
 * (structural, so any version of the client with these fields fits).
 */
export type UpstreamEventLike =
  | { readonly type: "request" }
  | { readonly type: "response"; readonly status: number }
  | { readonly type: "retry"; readonly reason: string }
  | { readonly type: "success"; readonly durationMs: number }
  | {
      readonly type: "failure";
      readonly code: string;
      readonly circuitOpen: boolean;
      readonly durationMs: number;
    }
  | { readonly type: "breaker"; readonly to: string };

const REASON = /^(timeout|network|status [0-9]{3})$/;

/**
 * Turns one upstream event into metrics. Pass `(e) => recordUpstreamEvent(metrics, e)` as the
 * http source's `onEvent`. Label values are bounded (status classes, known reasons, error codes).
 *
 * @example
 * ```ts
 * const source = createHttpSource({ baseUrl, onEvent: (e) => recordUpstreamEvent(metrics, e) });
 * ```
 */
export function recordUpstreamEvent(metrics: ApiMetrics, event: UpstreamEventLike): void {
  switch (event.type) {
    case "request":
      metrics.upstreamRequests.inc();
      return;
    case "response":
      metrics.upstreamResponses.inc({ status_class: `${Math.floor(event.status / 100)}xx` });
      return;
    case "retry":
      metrics.upstreamRetries.inc({ reason: REASON.test(event.reason) ? event.reason : "other" });
      return;
    case "success":
      metrics.upstreamCalls.inc({ outcome: "success" });
      metrics.upstreamCallDuration.observe({ outcome: "success" }, event.durationMs / 1000);
      return;
    case "failure":
      metrics.upstreamCalls.inc({ outcome: "failure" });
      metrics.upstreamCallDuration.observe({ outcome: "failure" }, event.durationMs / 1000);
      metrics.upstreamFailures.inc({
        code: /^[A-Z_]{1,40}$/.test(event.code) ? event.code : "OTHER",
        circuit_open: String(event.circuitOpen),
      });
      return;
    case "breaker":
      if (isCircuitState(event.to)) metrics.setCircuitState(event.to);
      return;
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown upstream event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

function isCircuitState(s: string): s is CircuitState {
  return s === "closed" || s === "open" || s === "half-open";
}
