import { requireSkill } from "@mle/trainer";
import { Command } from "commander";
import type { CliDeps } from "../deps";
import type { RegistryFlags } from "../util/registry-location";
import { addModelOptions, loadEvaluation, openModel, reasonOption, toJson } from "./models-shared";

interface ActivateOptions extends RegistryFlags {
  readonly model?: string;
  readonly reason?: string;
  readonly json: boolean;
  readonly requireSkill: boolean;
}

/**
 * `mle models activate <version>`: point serving at a version, i.e. move alias `active` (recorded
 * in the alias history with `--reason`). The registry refuses unknown and corrupt versions.
 *
 * @example
 * models.addCommand(createModelsActivateCommand(deps));
 */
export function createModelsActivateCommand(deps: CliDeps): Command {
  const command = new Command("activate")
    .description("make a version the active one (refuses unknown or corrupt versions)")
    .argument("<version>", "version name (v1) or an alias naming one")
    .addOption(reasonOption());
  return addModelOptions(command)
    .option(
      "--require-skill",
      "refuse unless the version's evaluation.json shows evidence of skill over the zero forecast",
      false,
    )
    .action(async (version: string, opts: ActivateOptions) => {
      const registry = openModel(deps, opts);
      if (opts.requireSkill) requireSkill(await loadEvaluation(registry, version), version);
      const move = await registry.activate(
        version,
        opts.reason === undefined ? {} : { reason: opts.reason },
      );
      deps.stdout.write(
        opts.json
          ? toJson({ active_version: move.to, previous_version: move.from })
          : `active version: ${move.to} (was ${move.from ?? "none"})\n`,
      );
    });
}
