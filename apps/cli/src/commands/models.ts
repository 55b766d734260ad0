import { Command } from "commander";
import type { CliDeps } from "../deps";
import { createModelsActivateCommand } from "./models-activate";
import { createModelsAliasCommand } from "./models-alias";
import { createModelsHistoryCommand } from "./models-history";
import { createModelsImportCommand } from "./models-import";
import { createModelsListCommand } from "./models-list";
import { createModelsPruneCommand } from "./models-prune";
import { createModelsRollbackCommand } from "./models-rollback";
import { createModelsShowCommand } from "./models-show";

/**
 * `mle models …`: inspect and manage the registry's models, versions and aliases.
 *
 * @example
 * program.addCommand(createModelsCommand(deps));
 */
export function createModelsCommand(deps: CliDeps): Command {
  return new Command("models")
    .description(
      "list, show, activate and prune saved model versions; set aliases, show their history, roll back; import models trained elsewhere",
    )
    .addCommand(createModelsListCommand(deps))
    .addCommand(createModelsShowCommand(deps))
    .addCommand(createModelsActivateCommand(deps))
    .addCommand(createModelsPruneCommand(deps))
    .addCommand(createModelsAliasCommand(deps))
    .addCommand(createModelsHistoryCommand(deps))
    .addCommand(createModelsRollbackCommand(deps))
    .addCommand(createModelsImportCommand(deps));
}
