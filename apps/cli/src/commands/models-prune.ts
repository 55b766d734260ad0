import { Command } from "commander";
import type { CliDeps } from "../deps";
import { parseInteger } from "../util/parse-options";
import { jsonOption, openRegistry, registryDirOption, toJson } from "./models-shared";

/**
 * `mle models prune --keep N`: delete all but the N newest versions; the active one is always kept.
 *
 * @example
 * models.addCommand(createModelsPruneCommand(deps));
 */
export function createModelsPruneCommand(deps: CliDeps): Command {
  return new Command("prune")
    .description("delete old versions, keeping the newest N and the active one")
    .requiredOption("--keep <n>", "how many of the newest versions to keep (>= 1)", parseInteger)
    .addOption(registryDirOption())
    .addOption(jsonOption())
    .action(async (opts: { keep: number; registryDir?: string; json: boolean }) => {
      const registry = openRegistry(deps, opts.registryDir);
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
