import { Command } from "commander";
import type { CliDeps } from "../deps";
import { formatNumber, formatPercent } from "../render/format";
import { renderTable } from "../render/table";
import { jsonOption, openRegistry, registryDirOption, toJson } from "./models-shared";

/**
 * `mle models list`: every version, newest first, with validation metrics, status and the active
 * marker. `--json` prints `{ registry_dir, active_version, models: ModelEntry[] }`.
 *
 * @example
 * models.addCommand(createModelsListCommand(deps));
 */
export function createModelsListCommand(deps: CliDeps): Command {
  return new Command("list")
    .alias("ls")
    .description("list saved model versions, newest first")
    .addOption(registryDirOption())
    .addOption(jsonOption())
    .action(async (opts: { registryDir?: string; json: boolean }) => {
      const registry = openRegistry(deps, opts.registryDir);
      const [models, active] = await Promise.all([registry.list(), registry.getActive()]);
      if (opts.json) {
        deps.stdout.write(toJson({ registry_dir: registry.dir, active_version: active, models }));
        return;
      }
      if (models.length === 0) {
        deps.stdout.write(`no models in ${registry.dir}; train one with \`mle train\`\n`);
        return;
      }
      const rows = models.map((m) => [
        m.is_active ? "*" : "",
        m.version,
        m.created_at ?? "-",
        formatNumber(m.metrics?.rmse),
        formatNumber(m.metrics?.r2, 4),
        formatPercent(m.metrics?.directional_accuracy),
        m.status === "ok" ? "ok" : `corrupt: ${m.problem ?? "unknown problem"}`,
      ]);
      deps.stdout.write(
        renderTable(
          [
            { header: "active" },
            { header: "version" },
            { header: "created" },
            { header: "val RMSE", align: "right" },
            { header: "val R²", align: "right" },
            { header: "direction", align: "right" },
            { header: "status" },
          ],
          rows,
        ),
      );
      deps.stdout.write(`registry: ${registry.dir}\n`);
    });
}
