import { createMarketDataSource, loadMarketDataConfig } from "@mle/market-client";
import { MODEL_CONTENT_CHECKS } from "@mle/inference";
import { openRegistry } from "@mle/registry";
import { startApiServer } from "api";
import type { CliDeps } from "./deps";
import { userCwd } from "./util/paths";

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

/**
 * The real process wiring: process streams and env, INIT_CWD-aware cwd, the env-configured
 * market data source and the registry opened from its location (filesystem or S3 by scheme).
 *
 * @example
 * const code = await main(process.argv, createDefaultDeps());
 */
export function createDefaultDeps(): CliDeps {
  const now = () => new Date();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: userCwd(process.env, process.cwd()),
    now,
    createSource: (env) => createMarketDataSource(loadMarketDataConfig({ ...env })),
    // A model.json intact by hash but unusable by content is corrupt, with the reason.
    openRegistry: (location) =>
      openRegistry(location, { clock: now, contentChecks: MODEL_CONTENT_CHECKS }),
    waitForShutdown: waitForSignal,
    serve: (env) => {
      startApiServer({ env: { ...env }, name: "mle serve" });
      return new Promise<never>(() => {});
    },
  };
}
