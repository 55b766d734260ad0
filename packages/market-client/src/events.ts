import type { BreakerState } from "./circuit-breaker";
import type { MarketDataErrorCode } from "./errors";

/**
 * What the http source reports through `onEvent` (the API turns these into metrics). `attempt` counts
 * from 1; `durationMs` is measured with the injected clock.
 */
export type UpstreamEvent =
  | { readonly type: "request"; readonly symbol: string; readonly attempt: number }
  | {
      readonly type: "response";
      readonly symbol: string;
      readonly attempt: number;
      readonly status: number;
      readonly durationMs: number;
    }
  | {
      readonly type: "retry";
      readonly symbol: string;
      /** The attempt that failed. */
      readonly attempt: number;
      readonly delayMs: number;
      /** `timeout`, `network` or `status <code>`. */
      readonly reason: string;
      /** True when the delay came from a `Retry-After` header. */
      readonly retryAfter: boolean;
    }
  | {
      readonly type: "success";
      readonly symbol: string;
      readonly attempts: number;
      readonly candles: number;
      readonly durationMs: number;
    }
  | {
      readonly type: "failure";
      readonly symbol: string;
      readonly attempts: number;
      readonly code: MarketDataErrorCode;
      /** True when the open circuit refused the call without a request. */
      readonly circuitOpen: boolean;
      readonly durationMs: number;
    }
  | { readonly type: "breaker"; readonly from: BreakerState; readonly to: BreakerState };

export type UpstreamEventType = UpstreamEvent["type"];
