import type { MarketDataSource } from "@mle/market-client";
import type { ModelRegistry } from "@mle/registry";
import type { Writer } from "./util/io";

/**
 * Everything a command needs from the outside world. Production wiring is in
 * `default-deps.ts`; tests pass buffers, temp folders and counting sources.
 */
export interface CliDeps {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** Environment variables (MARKET_DATA_*, MODEL_REGISTRY_URI, MODEL_REGISTRY_DIR, CI, INIT_CWD). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory user-given relative paths resolve against (INIT_CWD under pnpm). */
  readonly cwd: string;
  /** Wall clock: registry timestamps and training duration. */
  readonly now: () => Date;
  /** Builds the market data source from environment variables (validated, may throw). */
  readonly createSource: (env: Readonly<Record<string, string | undefined>>) => MarketDataSource;
  /**
   * Opens the registry at a resolved location (an absolute path, `file://…` or `s3://…`; see
   * `util/registry-location.ts`). Lazy: nothing is read until a model handle is used.
   */
  readonly openRegistry: (location: string) => ModelRegistry;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); used by long-running commands. */
  readonly waitForShutdown: () => Promise<string>;
  /**
   * Runs the HTTP API with `env` until the process is stopped (`mle serve`); the server's own
   * signal handling ends the process.
   */
  readonly serve: (env: Readonly<Record<string, string | undefined>>) => Promise<never>;
}
