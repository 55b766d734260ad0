import { Command } from "commander";
import type { CliDeps } from "../deps";
import { parseInteger } from "../util/parse-options";
import type { RegistryFlags } from "../util/registry-location";
import { addModelOptions, openModel, toJson } from "./models-shared";

interface PruneOptions extends RegistryFlags {
  readonly keep: number;
  readonly model?: string;
  readonly json: boolean;
}

/**
 * `mle models prune --keep N`: delete all but the N newest versions of a model; a version an alias
 * points at (`active` included) is always kept.
 *
 * @example
 * models.addCommand(createModelsPruneCommand(deps));
 */
export function createModelsPruneCommand(deps: CliDeps): Command {
  const command = new Command("prune")
    .description("delete old versions, keeping the newest N and every version an alias points at")
    .requiredOption("--keep <n>", "how many of the newest versions to keep (>= 1)", parseInteger);
  return addModelOptions(command).action(async (opts: PruneOptions) => {
    const registry = openModel(deps, opts);
    const removed = await registry.prune({ keep: opts.keep });
    const remaining = (await registry.list()).map((m) => m.version);
    if (opts.json) {
      deps.stdout.write(toJson({ removed, remaining }));
      return;
    }
    deps.stdout.write(
      removed.length === 0
        ? `nothing to prune; kept ${remaining.join(", ") || "none"}\n`
        : `removed ${removed.join(", ")}; kept ${remaining.join(", ") || "none"}\n`,
    );
  });
}
