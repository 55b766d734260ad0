import { readFile, stat } from "node:fs/promises";
import { validateFeatureSpec } from "@mle/dataset";
import { IMPORTABLE_KIND_NAMES, type ModelKindName } from "@mle/trainer";
import { Command, Option } from "commander";
import { CONFIG_DEFAULTS } from "../config/schema";
import type { CliDeps } from "../deps";
import { CliError } from "../errors/cli-error";
import { lineageName, runImport } from "../import/run-import";
import { createProgress, progressEnabled } from "../render/progress";
import { parseInteger, parseList } from "../util/parse-options";
import { resolveUserPath } from "../util/paths";
import type { RegistryFlags } from "../util/registry-location";
import { sourceEnv } from "../util/source-env";
import { addModelOptions, openModel, toJson } from "./models-shared";

/** Largest model file read (XGBoost JSON of about 2 million nodes). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** Calibration symbols when `--symbols` is not given. */
export const DEFAULT_CALIBRATION_SYMBOLS = ["AAPL", "MSFT", "GOOG", "AMZN", "TSLA"];

interface ImportOptions extends RegistryFlags {
  readonly kind: string;
  readonly features: string[];
  readonly lookback?: number;
  readonly symbols?: string[];
  readonly candles: number;
  readonly model?: string;
  readonly activate: boolean;
  readonly alias: string[];
  readonly json: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function readModelFile(file: string): Promise<Uint8Array> {
  const size = (await stat(file)).size;
  if (size > MAX_IMPORT_BYTES) {
    throw new CliError(
      "USAGE_ERROR",
      `${file} has ${size} bytes, more than the ${MAX_IMPORT_BYTES} read`,
    );
  }
  return readFile(file);
}

/**
 * `mle models import --kind xgboost FILE --features …`: turns a model trained elsewhere into a
 * registry version (its feature spec, `imported_from` lineage with the file's SHA-256, residuals
 * for confidence and the interval from a calibration on the source's recent candles).
 *
 * @example
 * models.addCommand(createModelsImportCommand(deps));
 */
export function createModelsImportCommand(deps: CliDeps): Command {
  const command = new Command("import")
    .description(
      `import a model trained elsewhere (${IMPORTABLE_KIND_NAMES.join(", ")}) as a new registry version, calibrated on recent candles`,
    )
    .argument(
      "<file>",
      'the model file (XGBoost: Booster.save_model("m.json")), relative to your directory',
    )
    .addOption(
      new Option("--kind <kind>", "kind of the file")
        .choices(IMPORTABLE_KIND_NAMES)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        "--features <list>",
        "comma-separated feature names: the model's inputs, in its column order",
      )
        .argParser(parseList)
        .makeOptionMandatory(),
    )
    .option("--lookback <n>", `feature window (default ${CONFIG_DEFAULTS.lookback})`, parseInteger)
    .option(
      "--symbols <list>",
      `calibration symbols (default ${DEFAULT_CALIBRATION_SYMBOLS.join(",")})`,
      parseList,
    )
    .option(
      "--candles <n>",
      "calibration candles per symbol: their residuals give the served confidence and interval",
      parseInteger,
      500,
    )
    .option("--activate", "make the new version the active one", false)
    .option("--alias <name>", "point this alias at the new version (repeatable)", collect, []);
  return addModelOptions(command).action(async (file: string, opts: ImportOptions) => {
    const spec = validateFeatureSpec({
      lookback: opts.lookback ?? CONFIG_DEFAULTS.lookback,
      features: opts.features,
    });
    const registry = openModel(deps, opts);
    const bytes = await readModelFile(resolveUserPath(file, deps.cwd));
    const summary = await runImport({
      kind: opts.kind as ModelKindName,
      fileName: lineageName(file),
      bytes,
      spec,
      symbols: (opts.symbols ?? DEFAULT_CALIBRATION_SYMBOLS).map((s) => s.toUpperCase()),
      candles: opts.candles,
      source: deps.createSource(sourceEnv(deps.env, deps.cwd)),
      registry,
      activate: opts.activate,
      aliases: opts.alias,
      progress: createProgress(deps.stderr, progressEnabled(deps.stderr, deps.env)),
    });
    const aliases = [...(summary.activated ? ["active"] : []), ...summary.aliases];
    deps.stdout.write(
      opts.json
        ? toJson(summary)
        : [
            `imported    ${summary.imported_from.file} (sha256 ${summary.imported_from.sha256})`,
            `version     ${summary.version} of model ${summary.model} (${summary.kind}, ${String(summary.hyperparameters.num_trees ?? "?")} trees)`,
            `calibrated  ${summary.calibration.rows} rows of ${summary.calibration.symbols.join(", ")}: residual std ${summary.calibration.residual_std.toPrecision(4)}`,
            `aliases     ${aliases.length === 0 ? "none (activate with `mle models activate`)" : aliases.join(", ")}`,
            "",
          ].join("\n"),
    );
  });
}
