import { Command } from "commander";
import type { CliDeps } from "../deps";
import { formatNumber, formatPercent } from "../render/format";
import { skillEvidence } from "@mle/trainer";
import {
  jsonOption,
  loadEvaluation,
  openRegistry,
  registryDirOption,
  toJson,
} from "./models-shared";

function field(metadata: Record<string, unknown> | null, key: string): unknown {
  return metadata === null ? undefined : metadata[key];
}

/**
 * `mle models show <version>`: status, metadata, key metrics and feature columns of one version;
 * `--json` prints the registry's `get(version)` result.
 *
 * @example
 * models.addCommand(createModelsShowCommand(deps));
 */
export function createModelsShowCommand(deps: CliDeps): Command {
  return new Command("show")
    .description("show one model version: status, metadata and metrics")
    .argument("<version>", "version name, e.g. v3")
    .addOption(registryDirOption())
    .addOption(jsonOption())
    .action(async (version: string, opts: { registryDir?: string; json: boolean }) => {
      const registry = openRegistry(deps, opts.registryDir);
      const details = await registry.get(version);
      // A corrupt version cannot be loaded; its evaluation is then unknown (null).
      const evaluation =
        details.status === "ok" ? ((await loadEvaluation(registry, version)) ?? null) : null;
      if (opts.json) {
        deps.stdout.write(toJson({ ...details, evaluation }));
        return;
      }
      const md = details.metadata;
      const split = field(md, "split") as Record<string, unknown> | undefined;
      const hp = field(md, "hyperparameters") as Record<string, unknown> | undefined;
      const lines = [
        `version     ${details.version}${details.is_active ? " (active)" : ""}`,
        `status      ${details.status}${details.problem ? ` (${details.problem})` : ""}`,
        `created     ${details.created_at ?? "-"}`,
        `model       ${String(field(md, "model_type") ?? "-")} ${hp ? JSON.stringify(hp) : ""}`.trimEnd(),
        `features    ${Array.isArray(details.featureColumns) ? details.featureColumns.join(", ") : "-"}`,
        `data        ${JSON.stringify(field(md, "data_source") ?? "-")} symbols ${JSON.stringify(field(md, "symbols") ?? [])}`,
        `split       ${split ? `train ${split.train_rows} / validation ${split.validation_rows} (cut ${split.cut_timestamp})` : "-"}`,
        `dataset     sha256 ${String(field(md, "dataset_hash") ?? "-")}`,
        `validation  RMSE ${formatNumber(details.key_metrics?.rmse)}  R² ${formatNumber(details.key_metrics?.r2, 4)}  direction ${formatPercent(details.key_metrics?.directional_accuracy)}`,
        `trained in  ${String(field(md, "training_duration_ms") ?? "-")} ms`,
        `verdict     ${skillEvidence(evaluation ?? undefined).text}`,
      ];
      deps.stdout.write(`${lines.join("\n")}\n`);
    });
}
