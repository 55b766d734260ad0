import type { Server } from "node:http";
import type { Logger } from "pino";

/** What {@link installGracefulShutdown} needs. */
export interface GracefulShutdownOptions {
  readonly server: Pick<Server, "close" | "closeIdleConnections" | "closeAllConnections">;
  readonly logger: Logger;
  /** How long in-flight requests may take after the signal before their connections are cut. */
  readonly timeoutMs: number;
  /** Runs after the server has closed (release timers, caches, predictors). */
  readonly onClosed?: () => void | Promise<void>;
  /** Default `process.exit`. */
  readonly exit?: (code: number) => void;
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, close idle
 * keep-alive connections, then exit 0. Requests still running after `timeoutMs` are cut and the
 * process exits 1. A second signal exits 1 at once. Returns a function that uninstalls the handlers.
 *
 * @example
 * ```ts
 * const server = serve({ fetch: app.fetch, port: 8000 });
 * installGracefulShutdown({ server, logger, timeoutMs: 10_000 });
 * ```
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ["SIGTERM", "SIGINT"];
  let shuttingDown = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      options.logger.warn({ signal }, "second signal: exiting now");
      exit(1);
      return;
    }
    shuttingDown = true;
    options.logger.info({ signal, timeout_ms: options.timeoutMs }, "shutting down");
    const force = setTimeout(() => {
      options.logger.warn("in-flight requests did not finish in time; closing their connections");
      options.server.closeAllConnections();
      exit(1);
    }, options.timeoutMs);
    force.unref();
    // close() only drops connections idle at that moment; a keep-alive connection whose request
    // finishes later would otherwise hold the process until its keep-alive timeout.
    const sweep = setInterval(() => options.server.closeIdleConnections(), 50);
    sweep.unref();
    options.server.close((err) => {
      clearTimeout(force);
      clearInterval(sweep);
      void Promise.resolve()
        .then(() => options.onClosed?.())
        .then(
          () => {
            if (err) options.logger.warn({ err }, "server close reported an error");
            options.logger.info("shutdown complete");
            exit(0);
          },
          (closeErr: unknown) => {
            options.logger.error({ err: closeErr }, "cleanup failed during shutdown");
            exit(1);
          },
        );
    });
    options.server.closeIdleConnections();
  };

  for (const s of signals) process.on(s, onSignal);
  return () => {
    for (const s of signals) process.off(s, onSignal);
  };
}
