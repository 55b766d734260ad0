import { Command, CommanderError } from "commander";
import { createFeaturesCommand } from "./commands/features";
import { createJobsCommand } from "./commands/jobs";
import { createModelsCommand } from "./commands/models";
import { createPredictCommand } from "./commands/predict";
import { createReportCommand } from "./commands/report";
import { createServeCommand } from "./commands/serve";
import { createTrainCommand } from "./commands/train";
import { createUpstreamCommand } from "./commands/upstream";
import { createWorkerCommand } from "./commands/worker";
import { createDefaultDeps } from "./default-deps";
import type { CliDeps } from "./deps";
import { handleError } from "./errors/handle-error";
import { ExitCode } from "./errors/exit-codes";
import { CLI_VERSION } from "./train/package-versions";
import { normalizeArgv } from "./util/argv";

function configureAll(cmd: Command, deps: CliDeps): void {
  // addCommand does not copy settings to subcommands, so apply them to the whole tree.
  cmd.exitOverride();
  cmd.configureOutput({
    writeOut: (s) => deps.stdout.write(s),
    writeErr: (s) => deps.stderr.write(s),
  });
  cmd.showSuggestionAfterError(true);
  for (const sub of cmd.commands) configureAll(sub, deps);
}

/**
 * Builds the `mle` program: one factory per command, wired with addCommand. Nothing runs until
 * `parseAsync`; commander never calls process.exit (exitOverride).
 *
 * @example
 * await createProgram(deps).parseAsync(["node", "mle", "models", "list"]);
 */
export function createProgram(deps: CliDeps): Command {
  const program = new Command("mle")
    .description("ML Engine Platform: train, inspect and serve market-prediction models")
    .version(CLI_VERSION, "-V, --version", "print the CLI version")
    .option("--verbose", "print stack traces with errors", false)
    .helpOption("-h, --help", "show help for a command")
    .addCommand(createTrainCommand(deps))
    .addCommand(createModelsCommand(deps))
    .addCommand(createFeaturesCommand(deps))
    .addCommand(createUpstreamCommand(deps))
    .addCommand(createPredictCommand(deps))
    .addCommand(createJobsCommand(deps))
    .addCommand(createWorkerCommand(deps))
    .addCommand(createReportCommand(deps))
    .addCommand(createServeCommand(deps));
  configureAll(program, deps);
  return program;
}

/**
 * Runs `mle` with the given argv (`process.argv` shape) and returns the exit code; every error
 * goes through {@link handleError}. A literal `--` (as `pnpm --filter @mle/cli train -- ...` passes
 * it) is dropped first.
 *
 * @example
 * process.exitCode = await main(process.argv);
 */
export async function main(
  argv: readonly string[],
  deps: CliDeps = createDefaultDeps(),
): Promise<ExitCode> {
  const args = normalizeArgv(argv);
  try {
    await createProgram(deps).parseAsync(args);
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return ExitCode.OK;
    return handleError(error, {
      stderr: deps.stderr,
      verbose: args.includes("--verbose"),
      ...(args.includes("--json") ? { json: deps.stdout } : {}),
    });
  }
}
