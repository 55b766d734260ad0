import type { Logger } from "pino";

/** Hono environment of the app: per-request variables set by the middleware. */
export interface AppEnv {
  Variables: {
    /** The request id (incoming `x-request-id` when sane, else a fresh UUID). */
    requestId: string;
    /** Aborts when the request times out or the client goes away; pass it to libraries. */
    signal: AbortSignal;
    /** A child logger bound to the request id. */
    log: Logger;
  };
}
