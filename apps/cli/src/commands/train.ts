import { existsSync } from "node:fs";
import { requireSkill, TRAINABLE_KIND_NAMES } from "@mle/trainer";
import { Command } from "commander";
import { loadTrainConfig, parseTrainConfig } from "../config/load-config";
import type { TrainOverrides } from "../config/overrides";
import { CONFIG_DEFAULTS } from "../config/schema";
import { CONFIG_FLAG_NAMES, CONFIG_FLAGS, configFlagHelp } from "../config/train-options";
import type { CliDeps } from "../deps";
import { createProgress, progressEnabled } from "../render/progress";
import { writeReport } from "../report/write-report";
import { addModelOptions, modelParamsFrom } from "../train/model-flags";
import { renderTrainSummary } from "../train/render-summary";
import { runTraining } from "../train/run-training";
import { portablePath, resolveUserPath } from "../util/paths";
import { sourceEnv } from "../util/source-env";
import { addRegistryOptions, openModelRegistry } from "./models-shared";
import { defaultReportFile } from "./report";

/** Options of `mle train` as commander parses them. */
export interface TrainCommandOptions {
  readonly config: string;
  readonly symbols?: string[];
  readonly lookback?: number;
  readonly candles?: number;
  readonly features?: string[];
  readonly validationFraction?: number;
  readonly folds?: number;
  readonly gap?: number | "auto";
  readonly model?: string;
  readonly seed?: number;
  readonly registry?: string;
  readonly registryDir?: string;
  /** `--model-name`: the registry model (`--model` is the model kind). */
  readonly modelName?: string;
  readonly activate?: boolean;
  readonly json?: boolean;
  readonly requireSkill?: boolean;
  /** `--report` alone: true (default file); `--report <file>`: that file. */
  readonly report?: string | true;
}

export const DEFAULT_CONFIG_PATH = "configs/train.yaml";

/** What metadata records as the config of a run without a config file. */
export const BUILT_IN_CONFIG = "(built-in defaults)";

/**
 * `mle train`: validate the config (flags override it) before touching any data, fetch candles,
 * build the dataset, fit the configured model kind with walk-forward CV and save a new registry
 * version. The kind flags and `--help` text come from the trainer's kind table.
 *
 * @example
 * program.addCommand(createTrainCommand(deps));
 */
export function createTrainCommand(deps: CliDeps): Command {
  const d = CONFIG_DEFAULTS;
  const command = new Command("train")
    .description(
      `train a model (${TRAINABLE_KIND_NAMES.join(", ")}) from a YAML config and save it as a new registry version`,
    )
    .option(
      "-c, --config <path>",
      "training config, relative to the directory you ran the command from",
      DEFAULT_CONFIG_PATH,
    );
  for (const name of CONFIG_FLAG_NAMES) {
    const spec = CONFIG_FLAGS[name];
    if (spec.parse) command.option(spec.flags, configFlagHelp(spec), spec.parse);
    else command.option(spec.flags, configFlagHelp(spec));
  }
  addRegistryOptions(command)
    .option(
      "--activate",
      `make the new version active (overrides \`activate\`; default ${d.activate})`,
    )
    .option("--no-activate", "save the new version without activating it")
    .option("--json", "print the summary as one JSON document on stdout", false)
    .option(
      "--require-skill",
      "activate only with evidence of skill over the zero forecast (the version is saved either way; exit 1 when refused)",
      false,
    )
    .option(
      "--report [file]",
      "also write the new version's page as one self-contained HTML file (default report-<version>.html)",
    );
  return addModelOptions(command).action(
    async (opts: TrainCommandOptions & Record<string, unknown>) => {
      const configFile = resolveUserPath(opts.config, deps.cwd);
      // Outside a checkout there is no configs/train.yaml: without --config, the built-in
      // defaults apply (a config file named explicitly must exist).
      const builtIn =
        command.getOptionValueSource("config") === "default" && !existsSync(configFile);
      const overrides = {
        ...Object.fromEntries(CONFIG_FLAG_NAMES.map((name) => [name, opts[name]])),
        model: opts.model,
        modelParams: modelParamsFrom(opts),
        seed: opts.seed,
        activate: opts.activate,
      } as TrainOverrides;
      const config = builtIn
        ? parseTrainConfig("{}", BUILT_IN_CONFIG, overrides)
        : await loadTrainConfig(configFile, opts.config, overrides);
      // Resolved before any data is fetched, so a bad location or model name costs nothing.
      const registry = openModelRegistry(deps, opts, config).model(config.model_name);
      // Precedence for the sample seed: --seed, then MARKET_DATA_SEED, then the config's seed.
      const envSeed = deps.env.MARKET_DATA_SEED === "" ? undefined : deps.env.MARKET_DATA_SEED;
      const seed = opts.seed !== undefined ? String(opts.seed) : (envSeed ?? String(config.seed));
      const source = deps.createSource(sourceEnv(deps.env, deps.cwd, { MARKET_DATA_SEED: seed }));
      const progress = createProgress(deps.stderr, progressEnabled(deps.stderr, deps.env));

      const summary = await runTraining({
        config: { ...config, seed: Number(seed) },
        // Metadata is served by the API: record no absolute path of this machine.
        configFile: builtIn ? BUILT_IN_CONFIG : portablePath(configFile, deps.cwd),
        source,
        registry,
        now: deps.now,
        progress,
        requireSkill: opts.requireSkill === true,
      });
      const report =
        opts.report === undefined
          ? undefined
          : resolveUserPath(
              opts.report === true ? defaultReportFile(summary.version) : opts.report,
              deps.cwd,
            );
      if (report !== undefined) await writeReport(registry, summary.version, report, deps.now());
      const out = report === undefined ? summary : { ...summary, report };
      deps.stdout.write(
        opts.json
          ? `${JSON.stringify(out, null, 2)}\n`
          : `${renderTrainSummary(summary)}${report === undefined ? "" : `report      ${report}\n`}`,
      );
      if (summary.activation_refused) requireSkill(summary.evaluation, summary.version);
    },
  );
}
