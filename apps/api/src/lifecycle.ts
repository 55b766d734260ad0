/**
 * Whether the process is draining (a shutdown signal arrived): shared by the shutdown handler,
 * which starts it, and the app, which tells clients (`Connection: close`, `/ready` 503).
 */
export interface Lifecycle {
  readonly draining: boolean;
  startDraining(): void;
}

/**
 * @example
 * ```ts
 * const lifecycle = createLifecycle();
 * const app = createApp({ source, config, lifecycle });
 * installGracefulShutdown({ server, logger, timeoutMs, lifecycle });
 * ```
 */
export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    startDraining() {
      draining = true;
    },
  };
}

/** The `/ready` answer while draining. */
export const DRAINING_READINESS = {
  ready: false,
  version: null,
  code: "SHUTTING_DOWN",
  reason: "The server is shutting down; send new requests to another instance.",
} as const;
