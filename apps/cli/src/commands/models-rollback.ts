import { ACTIVE_ALIAS } from "@mle/registry";
import { Command, Option } from "commander";
import type { CliDeps } from "../deps";
import type { RegistryFlags } from "../util/registry-location";
import { addModelOptions, openModel, reasonOption, toJson } from "./models-shared";

interface RollbackOptions extends RegistryFlags {
  readonly model?: string;
  readonly alias: string;
  readonly reason?: string;
  readonly json: boolean;
}

/**
 * `mle models rollback [--alias A]`: move an alias (default `active`) back to the version it
 * pointed at before its last move, in one step; the rollback is itself a recorded move.
 *
 * @example
 * models.addCommand(createModelsRollbackCommand(deps));
 */
export function createModelsRollbackCommand(deps: CliDeps): Command {
  const command = new Command("rollback")
    .description("move an alias (default active) back to the version it pointed at before")
    .addOption(new Option("--alias <alias>", "the alias to roll back").default(ACTIVE_ALIAS))
    .addOption(reasonOption());
  return addModelOptions(command).action(async (opts: RollbackOptions) => {
    const registry = openModel(deps, opts);
    const move = await registry.rollback({
      alias: opts.alias,
      ...(opts.reason === undefined ? {} : { reason: opts.reason }),
    });
    deps.stdout.write(
      opts.json
        ? toJson(move)
        : `rolled back alias ${move.alias} of model ${registry.model}: ${move.to} (was ${move.from ?? "unset"})\n`,
    );
  });
}
