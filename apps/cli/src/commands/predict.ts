import { createPredictor } from "@mle/inference";
import { ACTIVE_ALIAS, isVersionName } from "@mle/registry";
import { Command } from "commander";
import type { CliDeps } from "../deps";
import { formatNumber, formatPercent } from "../render/format";
import { renderTable } from "../render/table";
import { sourceEnv } from "../util/source-env";
import { addModelOptions, openModel, toJson } from "./models-shared";

interface PredictOptions {
  readonly symbol: string;
  readonly modelVersion?: string;
  readonly model?: string;
  readonly registry?: string;
  readonly registryDir?: string;
  readonly json: boolean;
}

/**
 * `mle predict --symbol AAPL [--model NAME] [--model-version vN|alias] [--json]`: one prediction computed locally,
 * exactly as the API computes it (@mle/inference with the model's stored feature spec), without a
 * server. The flag is not `--version` because commander gives the program's `--version` (print the
 * CLI version) precedence anywhere on the command line.
 *
 * @example
 * program.addCommand(createPredictCommand(deps));
 */
export function createPredictCommand(deps: CliDeps): Command {
  const command = new Command("predict")
    .description("predict the next return of a symbol with the active (or a given) model")
    .requiredOption("-s, --symbol <symbol>", "symbol, e.g. AAPL")
    .option(
      "--model-version <version>",
      "model version (vN) or alias (champion, …); default: the active one",
    );
  return addModelOptions(command).action(async (opts: PredictOptions) => {
    const registry = openModel(deps, opts);
    const ref = opts.modelVersion;
    // The predictor takes a version or "active"; any other alias is resolved here first.
    const version =
      ref === undefined || ref === ACTIVE_ALIAS || isVersionName(ref)
        ? ref
        : await registry.resolve(ref);
    const predictor = createPredictor({
      registry,
      source: deps.createSource(sourceEnv(deps.env, deps.cwd)),
      cacheTtlMs: 0,
    });
    const p = await predictor
      .predict(opts.symbol, version === undefined ? {} : { version })
      .finally(() => predictor.close());
    if (opts.json) {
      deps.stdout.write(toJson(p));
      return;
    }
    const { lower, upper } = p.prediction_interval;
    deps.stdout.write(
      `${p.symbol} next return ${formatNumber(p.prediction)} (90% interval ${formatNumber(lower)} .. ${formatNumber(upper)}), ` +
        `confidence ${formatPercent(p.confidence)}, model ${p.model_version}, latest candle ${p.timestamp}\n`,
    );
    deps.stdout.write(
      renderTable(
        [{ header: "feature" }, { header: "value", align: "right" }],
        Object.entries(p.features).map(([name, value]) => [name, formatNumber(value)]),
      ),
    );
  });
}
