/**
 * `mle serve`: starts the HTTP API in this process with the same configuration as `pnpm start`
 * (environment variables, `.env`), the flags overriding PORT, HOST and the registry location.
 * @module
 */
import { Command, Option } from "commander";
import type { CliDeps } from "../deps";
import { CliError } from "../errors/cli-error";

interface ServeOptions {
  readonly port?: string;
  readonly host?: string;
  readonly registry?: string;
}

/** The environment the server starts from: `deps.env` with the flags applied. */
export function serveEnv(deps: CliDeps, opts: ServeOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...deps.env };
  if (opts.port !== undefined) {
    if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65_535) {
      throw new CliError(
        "USAGE_ERROR",
        `--port must be an integer from 0 to 65535 (got ${JSON.stringify(opts.port)})`,
      );
    }
    env.PORT = opts.port;
  }
  if (opts.host !== undefined) env.HOST = opts.host;
  if (opts.registry !== undefined) {
    if (opts.registry.trim() === "")
      throw new CliError("USAGE_ERROR", "--registry must not be empty");
    env.MODEL_REGISTRY_URI = opts.registry;
  }
  return env;
}

/** The `serve` command. */
export function createServeCommand(deps: CliDeps): Command {
  return new Command("serve")
    .description(
      "start the HTTP API (predictions, models, registry, /ui, /docs) until SIGTERM or Ctrl-C; configured like `pnpm start` by the environment and .env",
    )
    .addOption(
      new Option("--port <port>", "TCP port (overrides PORT; default 8000, 0 picks a free one)"),
    )
    .addOption(
      new Option("--host <host>", "interface to listen on (overrides HOST; default 127.0.0.1)"),
    )
    .addOption(
      new Option(
        "--registry <location>",
        "registry folder, file://… or s3://bucket/prefix (overrides MODEL_REGISTRY_URI / MODEL_REGISTRY_DIR)",
      ),
    )
    .action(async (opts: ServeOptions) => {
      await deps.serve(serveEnv(deps, opts));
    });
}
