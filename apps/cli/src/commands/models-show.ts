import { PREDICTIONS_FILE } from "@mle/trainer";
import { Command } from "commander";
import type { CliDeps } from "../deps";
import { evaluationLines } from "../render/evaluation-lines";
import { formatNumber, formatPercent } from "../render/format";
import type { RegistryFlags } from "../util/registry-location";
import { addModelOptions, loadEvaluation, openModel, toJson } from "./models-shared";

interface ShowOptions extends RegistryFlags {
  readonly model?: string;
  readonly json: boolean;
}

function field(metadata: Record<string, unknown> | null, key: string): unknown {
  return metadata === null ? undefined : metadata[key];
}

/**
 * `mle models show <version|alias>`: status, aliases, metadata, key metrics and feature columns
 * of one version, then its evaluation: the verdict and the statistics behind it; `--json` prints
 * the registry's `get(ref)` result plus `evaluation` (predictions.json only as `{ stored: true }`).
 *
 * @example
 * models.addCommand(createModelsShowCommand(deps));
 */
export function createModelsShowCommand(deps: CliDeps): Command {
  const command = new Command("show")
    .description("show one model version: status, aliases, metadata and metrics")
    .argument("<version>", "version name (v3) or alias (active, champion, …)");
  return addModelOptions(command).action(async (ref: string, opts: ShowOptions) => {
    const registry = openModel(deps, opts);
    const details = await registry.get(ref);
    // A corrupt version cannot be loaded; its evaluation is then unknown (null).
    const evaluation =
      details.status === "ok" ? ((await loadEvaluation(registry, details.version)) ?? null) : null;
    if (opts.json) {
      // predictions.json (every out-of-sample prediction, hundreds of KB) is named, not printed.
      const { files, ...rest } = details;
      const shown = Object.fromEntries(
        Object.entries(files).map(([name, value]) => [
          name,
          name === PREDICTIONS_FILE && value !== null ? { stored: true } : value,
        ]),
      );
      deps.stdout.write(toJson({ ...rest, files: shown, evaluation }));
      return;
    }
    const md = details.metadata;
    const split = field(md, "split") as Record<string, unknown> | undefined;
    const hp = field(md, "hyperparameters") as Record<string, unknown> | undefined;
    const lines = [
      `version     ${details.version}${details.is_active ? " (active)" : ""}`,
      `model name  ${registry.model}`,
      `aliases     ${details.aliases.join(", ") || "-"}`,
      `status      ${details.status}${details.problem ? ` (${details.problem})` : ""}`,
      `created     ${details.created_at ?? "-"}`,
      `model       ${String(field(md, "model_type") ?? "-")} ${hp ? JSON.stringify(hp) : ""}`.trimEnd(),
      `features    ${Array.isArray(details.featureColumns) ? details.featureColumns.join(", ") : "-"}`,
      `data        ${JSON.stringify(field(md, "data_source") ?? "-")} symbols ${JSON.stringify(field(md, "symbols") ?? [])}`,
      `split       ${split ? `train ${split.train_rows} / validation ${split.validation_rows} (cut ${split.cut_timestamp})` : "-"}`,
      `dataset     sha256 ${String(field(md, "dataset_hash") ?? "-")}`,
      `validation  RMSE ${formatNumber(details.key_metrics?.rmse)}  R² ${formatNumber(details.key_metrics?.r2, 4)}  direction ${formatPercent(details.key_metrics?.directional_accuracy)}`,
      `trained in  ${String(field(md, "training_duration_ms") ?? "-")} ms`,
      ...evaluationLines(evaluation),
    ];
    deps.stdout.write(`${lines.join("\n")}\n`);
  });
}
