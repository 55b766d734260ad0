import { buildDataset, summarizeDataset } from "@mle/dataset";
import type { MarketDataSource } from "@mle/market-client";
import type { Registry } from "@mle/registry";
import { PREDICTIONS_FILE, predictionsArtifact, train } from "@mle/trainer";
import type { TrainConfig } from "../config/schema";
import { formatParams } from "./format-params";
import type { Progress } from "../render/progress";
import { EVALUATION_FILE } from "../commands/models-shared";
import { fetchCandles } from "./fetch-candles";
import { buildMetadata } from "./metadata";
import { readPackageVersions } from "./package-versions";
import type { TrainSummary } from "./summary";

export interface RunTrainingInput {
  /** A validated config (flags already applied). */
  readonly config: TrainConfig;
  /** The config file as recorded in metadata: relative to the user's directory, never absolute. */
  readonly configFile: string;
  readonly source: MarketDataSource;
  /** The model the version is saved into (`config.model_name` of the registry). */
  readonly registry: Registry;
  /** Clock for the training duration. */
  readonly now: () => Date;
  readonly progress: Progress;
  /** The queue job this run is (recorded in metadata as `job_id`), when run by `mle worker`. */
  readonly jobId?: string;
  /** Activate only when the evaluation shows evidence of skill (`--require-skill`). */
  readonly requireSkill?: boolean;
  /** Versions recorded in metadata; default: read from the installed packages. */
  readonly packageVersions?: Readonly<Record<string, string>>;
}

/**
 * The training pipeline: fetch candles per symbol → build the dataset → fit ridge with
 * walk-forward CV → save the five artifacts plus evaluation.json and predictions.json through the registry (activating when asked).
 * Nothing is written unless every earlier step succeeded.
 *
 * @example
 * const summary = await runTraining({ config, configFile, source, registry: openRegistry(location).model(config.model_name), now, progress });
 */
export async function runTraining(input: RunTrainingInput): Promise<TrainSummary> {
  const { config, source, registry, progress } = input;
  const started = input.now().getTime();
  const spec = { lookback: config.lookback, features: config.features };

  const candles = await fetchCandles(source, config.symbols, config.candles, progress);

  progress.step(`building dataset (${config.symbols.length} symbols, lookback ${config.lookback})`);
  const dataset = buildDataset(candles, spec);
  const datasetSummary = summarizeDataset(dataset);

  progress.step(
    `training ${config.model.type} (${formatParams(config.model)}, ${config.cv.folds} CV folds)`,
  );
  const result = train(dataset, {
    model: config.model,
    seed: config.seed,
    validationFraction: config.split.validation_fraction,
    folds: config.cv.folds,
    gap: config.cv.gap,
    onProgress: (event) => progress.step(event.message),
  });
  const durationMs = input.now().getTime() - started;

  const metadata = buildMetadata({
    config,
    configFile: input.configFile,
    sourceKind: source.kind,
    datasetHash: datasetSummary.content_hash,
    split: result.split,
    packageVersions: input.packageVersions ?? readPackageVersions(),
    durationMs,
  });
  if (input.jobId !== undefined) metadata.job_id = input.jobId;

  // --require-skill: the version is still saved (its evidence is worth keeping), never activated.
  const refused =
    input.requireSkill === true && config.activate && !result.evaluation.verdict.skill;
  const activate = config.activate && !refused;
  progress.step(`saving into ${registry.location} (model ${registry.model})`);
  // evaluation.json and predictions.json (the out-of-sample predictions with their served
  // intervals, for the UI and reports) go with the version's other artifacts, hashed like them.
  const artifacts: Parameters<Registry["save"]>[0] & { files: Record<string, unknown> } = {
    model: result.model,
    metadata,
    metrics: result.metrics,
    featureColumns: [...dataset.featureColumns],
    datasetSummary,
    files: {
      [EVALUATION_FILE]: result.evaluation,
      [PREDICTIONS_FILE]: predictionsArtifact(
        dataset,
        result.predictions,
        result.evaluation.interval,
      ),
    },
  };
  const saved = await registry.save(artifacts, { activate });
  const active = await registry.getActive();

  const { validation, cv } = result.metrics;
  return {
    version: saved.version,
    path: saved.path,
    registry: registry.location,
    model: registry.model,
    activated: activate,
    activation_refused: refused,
    active_version: active,
    model_type: config.model.type,
    hyperparameters: result.model.hyperparameters,
    lookback: config.lookback,
    features: [...config.features],
    symbols: [...config.symbols],
    data_source: source.kind,
    rows: {
      total: dataset.rows,
      train: result.split.trainRows,
      validation: result.split.validationRows,
    },
    cut_timestamp: result.split.cutTimestamp,
    validation: {
      model: validation.model,
      baseline_zero: validation.baseline_zero,
      baseline_mean: validation.baseline_mean,
    },
    cv: { folds: cv.folds.length, mean: cv.mean, std: cv.std },
    dataset_hash: datasetSummary.content_hash,
    duration_ms: durationMs,
    verdict: result.evaluation.verdict.text,
    evaluation: result.evaluation,
  };
}
