import type { Server } from "node:http";
import { Server as NetServer } from "node:net";
import type { Logger } from "pino";
import type { Lifecycle } from "./lifecycle";

/** What {@link installGracefulShutdown} needs. */
export interface GracefulShutdownOptions {
  readonly server: Server;
  readonly logger: Logger;
  /** How long in-flight requests may take after the signal before their connections are cut. */
  readonly timeoutMs: number;
  /** Told when draining starts (the app then answers `Connection: close` and `/ready` 503). */
  readonly lifecycle?: Lifecycle;
  /** Runs after the server has closed (release timers, caches, predictors). */
  readonly onClosed?: () => void | Promise<void>;
  /** Default `process.exit`. */
  readonly exit?: (code: number) => void;
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * On SIGTERM/SIGINT: stop listening, let in-flight requests finish, then close the remaining
 * keep-alive connections and exit 0. While requests are in flight, idle keep-alive connections
 * stay open so that a request already on its way gets an answer (`Connection: close`, `/ready`
 * 503) instead of a reset. Requests still running after `timeoutMs` are cut and the process
 * exits 1. A second signal exits 1 at once. Returns a function that uninstalls the handlers.
 *
 * The exit itself is bounded by the log destination (`createLogDestination`), whose exit flush
 * gives up on a closed or stuck stdout.
 *
 * @example
 * ```ts
 * const server = serve({ fetch: app.fetch, port: 8000 });
 * installGracefulShutdown({ server, logger, timeoutMs: 10_000 });
 * ```
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): () => void {
  const { server, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ["SIGTERM", "SIGINT"];
  let shuttingDown = false;
  let inFlight = 0;

  const closeIdleWhenDone = () => {
    if (shuttingDown && inFlight === 0) server.closeIdleConnections();
  };
  const onRequest = (_req: unknown, res: import("node:http").ServerResponse) => {
    inFlight++;
    res.once("close", () => {
      inFlight--;
      closeIdleWhenDone();
    });
  };
  server.on("request", onRequest);

  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, "second signal: exiting now");
      exit(1);
      return;
    }
    shuttingDown = true;
    options.lifecycle?.startDraining();
    const force = setTimeout(() => {
      logger.warn("in-flight requests did not finish in time; closing their connections");
      server.closeAllConnections();
      exit(1);
    }, options.timeoutMs);
    force.unref();
    // A connection that opened just before the listener closed has no request yet; sweep it.
    const sweep = setInterval(closeIdleWhenDone, 100);
    sweep.unref();
    // net.Server's close stops listening without http.Server's immediate closeIdleConnections(),
    // which would reset keep-alive clients whose next request is already on the wire. The
    // callback runs once every connection has ended.
    NetServer.prototype.close.call(server, (err?: Error) => {
      clearInterval(sweep);
      // The force timer stays armed through onClosed: the bound holds even if cleanup hangs.
      void Promise.resolve()
        .then(() => options.onClosed?.())
        .then(
          () => {
            clearTimeout(force);
            if (err) logger.warn({ err }, "server close reported an error");
            logger.info("shutdown complete");
            exit(0);
          },
          (closeErr: unknown) => {
            clearTimeout(force);
            logger.error({ err: closeErr }, "cleanup failed during shutdown");
            exit(1);
          },
        );
    });
    // Logged once the listener is closed: whoever reads this line finds new connections refused.
    logger.info({ signal, timeout_ms: options.timeoutMs, in_flight: inFlight }, "shutting down");
    closeIdleWhenDone();
  };

  for (const s of signals) process.on(s, onSignal);
  return () => {
    server.off("request", onRequest);
    for (const s of signals) process.off(s, onSignal);
  };
}
