/** Hono environment of the app: per-request variables set by the middleware. */
export interface AppEnv {
  Variables: {
    /** The request id (incoming `x-request-id` when sane, else a fresh UUID). */
    requestId: string;
    /**
     * The request's AbortSignal, created on first call (most requests never need one): it aborts
     * when the request times out or the client goes away. Pass it to libraries that fetch.
     */
    requestSignal: () => AbortSignal;
  };
}
