import { Command, Option } from "commander";
import type { CliDeps } from "../deps";
import { renderTable } from "../render/table";
import type { RegistryFlags } from "../util/registry-location";
import { addModelOptions, openModel, toJson } from "./models-shared";

interface HistoryOptions extends RegistryFlags {
  readonly model?: string;
  readonly alias?: string;
  readonly json: boolean;
}

/**
 * `mle models history [--alias A]`: every recorded alias move, oldest first (one alias, or every
 * alias of the model merged by time). The history is hash-chained; a broken chain is reported
 * as HISTORY_CORRUPT rather than shown.
 *
 * @example
 * models.addCommand(createModelsHistoryCommand(deps));
 */
export function createModelsHistoryCommand(deps: CliDeps): Command {
  const command = new Command("history")
    .description("show the alias history (seq, alias, from → to, at, who, reason), oldest first")
    .addOption(new Option("--alias <alias>", "only this alias (default: every alias)"));
  return addModelOptions(command).action(async (opts: HistoryOptions) => {
    const registry = openModel(deps, opts);
    const history = await registry.history(opts.alias === undefined ? {} : { alias: opts.alias });
    if (opts.json) {
      deps.stdout.write(toJson({ registry: registry.location, model: registry.model, history }));
      return;
    }
    if (history.length === 0) {
      deps.stdout.write(
        `no alias moves recorded for model ${registry.model}${opts.alias ? ` alias ${opts.alias}` : ""}\n`,
      );
      return;
    }
    deps.stdout.write(
      renderTable(
        [
          { header: "seq", align: "right" },
          { header: "alias" },
          { header: "from → to" },
          { header: "at" },
          { header: "who" },
          { header: "reason" },
        ],
        history.map((e) => [
          String(e.seq),
          e.alias,
          `${e.from ?? "-"} → ${e.to}`,
          e.at,
          e.who,
          e.reason ?? "-",
        ]),
      ),
    );
  });
}
