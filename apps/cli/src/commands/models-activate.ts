import { Command } from "commander";
import type { CliDeps } from "../deps";
import { requireSkill } from "@mle/trainer";
import {
  jsonOption,
  loadEvaluation,
  openRegistry,
  registryDirOption,
  toJson,
} from "./models-shared";

/**
 * `mle models activate <version>`: point serving at a version (rollback in one command). The
 * registry refuses unknown and corrupt versions.
 *
 * @example
 * models.addCommand(createModelsActivateCommand(deps));
 */
export function createModelsActivateCommand(deps: CliDeps): Command {
  return new Command("activate")
    .description("make a version the active one (refuses unknown or corrupt versions)")
    .argument("<version>", "version name, e.g. v1")
    .addOption(registryDirOption())
    .addOption(jsonOption())
    .option(
      "--require-skill",
      "refuse unless the version's evaluation.json shows evidence of skill over the zero forecast",
      false,
    )
    .action(
      async (
        version: string,
        opts: { registryDir?: string; json: boolean; requireSkill: boolean },
      ) => {
        const registry = openRegistry(deps, opts.registryDir);
        if (opts.requireSkill) requireSkill(await loadEvaluation(registry, version), version);
        const previous = await registry.getActive();
        await registry.activate(version);
        const active = await registry.getActive();
        deps.stdout.write(
          opts.json
            ? toJson({ active_version: active, previous_version: previous })
            : `active version: ${active ?? "-"} (was ${previous ?? "none"})\n`,
        );
      },
    );
}
