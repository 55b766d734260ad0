import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { startApiServer } from "@mle/api";
import { MODEL_CONTENT_CHECKS } from "@mle/inference";
import { createMarketDataSource, loadMarketDataConfig } from "@mle/market-client";
import { openRegistry } from "@mle/registry";
import type { CliDeps } from "./deps";
import { userCwd } from "./util/paths";

/**
 * The web UI built in this checkout (`apps/ui/dist`), served at /ui by `mle serve` when UI_DIR is
 * unset, as `pnpm start` does; undefined when there is none (an installed CLI without the UI).
 */
function builtUiDir(): string | undefined {
  try {
    const dir = path.join(
      path.dirname(createRequire(import.meta.url).resolve("ui/package.json")),
      "dist",
    );
    return existsSync(path.join(dir, "index.html")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

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
      const uiDir = env.UI_DIR || builtUiDir();
      startApiServer({ env: { ...env, ...(uiDir ? { UI_DIR: uiDir } : {}) }, name: "mle serve" });
      return new Promise<never>(() => {});
    },
  };
}
