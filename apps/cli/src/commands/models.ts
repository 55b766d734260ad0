import { Command } from "commander";
import type { CliDeps } from "../deps";
import { createModelsActivateCommand } from "./models-activate";
import { createModelsListCommand } from "./models-list";
import { createModelsPruneCommand } from "./models-prune";
import { createModelsShowCommand } from "./models-show";

/**
 * `mle models …`: inspect and manage the registry.
 *
 * @example
 * program.addCommand(createModelsCommand(deps));
 */
export function createModelsCommand(deps: CliDeps): Command {
  return new Command("models")
    .description("list, show, activate and prune saved model versions")
    .addCommand(createModelsListCommand(deps))
    .addCommand(createModelsShowCommand(deps))
    .addCommand(createModelsActivateCommand(deps))
    .addCommand(createModelsPruneCommand(deps));
}
