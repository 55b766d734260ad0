import { Command } from "commander";
import type { CliDeps } from "../deps";
import { renderTable } from "../render/table";
import type { RegistryFlags } from "../util/registry-location";
import { addModelOptions, openModel, reasonOption, toJson } from "./models-shared";

interface AliasOptions extends RegistryFlags {
  readonly model?: string;
  readonly reason?: string;
  readonly json: boolean;
}

function createAliasSetCommand(deps: CliDeps): Command {
  const command = new Command("set")
    .description(
      "point an alias at a version (refuses unknown or corrupt versions); recorded in the history",
    )
    .argument("<alias>", "alias name: 1-64 of a-z, 0-9, _ and -, not a version name")
    .argument("<version>", "version name (v3) or another alias")
    .addOption(reasonOption());
  return addModelOptions(command).action(async (alias: string, ref: string, opts: AliasOptions) => {
    const registry = openModel(deps, opts);
    const move = await registry.setAlias(
      alias,
      ref,
      opts.reason === undefined ? {} : { reason: opts.reason },
    );
    deps.stdout.write(
      opts.json
        ? toJson(move)
        : `alias ${move.alias} of model ${registry.model}: ${move.to} (was ${move.from ?? "unset"})\n`,
    );
  });
}

function createAliasListCommand(deps: CliDeps): Command {
  const command = new Command("list")
    .alias("ls")
    .description("list a model's aliases and the versions they point at");
  return addModelOptions(command).action(async (opts: AliasOptions) => {
    const registry = openModel(deps, opts);
    const aliases = await registry.aliases();
    if (opts.json) {
      deps.stdout.write(toJson({ registry: registry.location, model: registry.model, aliases }));
      return;
    }
    if (aliases.length === 0) {
      deps.stdout.write(`model ${registry.model} has no aliases\n`);
      return;
    }
    deps.stdout.write(
      renderTable(
        [{ header: "alias" }, { header: "version" }, { header: "since" }],
        aliases.map((a) => [
          a.alias,
          a.version ?? `unreadable: ${a.problem ?? "unknown problem"}`,
          a.activated_at ?? "-",
        ]),
      ),
    );
  });
}

/**
 * `mle models alias set|list`: named pointers (`champion`, `staging`, …) at a model's versions.
 *
 * @example
 * models.addCommand(createModelsAliasCommand(deps));
 */
export function createModelsAliasCommand(deps: CliDeps): Command {
  return new Command("alias")
    .description("set and list a model's aliases (active, champion, …)")
    .addCommand(createAliasSetCommand(deps))
    .addCommand(createAliasListCommand(deps));
}
