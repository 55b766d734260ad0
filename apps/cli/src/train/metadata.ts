import type { TrainConfig } from "../config/schema";

export interface MetadataInput {
  readonly config: TrainConfig;
  readonly configFile: string;
  readonly sourceKind: string;
  readonly datasetHash: string;
  readonly split: {
    readonly trainRows: number;
    readonly validationRows: number;
    readonly cutTimestamp: string;
  };
  readonly packageVersions: Readonly<Record<string, string>>;
  readonly durationMs: number;
}

/**
 * metadata.json as the CLI writes it (the registry then adds `version`, `created_at`,
 * `model_name`, `registry_backend` and the artifact digests): model type, hyperparameters, the
 * config used, data source, dataset hash, split sizes and time cut, package versions and training
 * duration. No registry location: the API serves metadata, and where the registry lives is a fact
 * of the machine that trained, not of the model.
 *
 * @example
 * const metadata = buildMetadata({ config, configFile, sourceKind: "sample", ... });
 */
export function buildMetadata(m: MetadataInput): Record<string, unknown> {
  const c = m.config;
  return {
    model_type: c.model.type,
    hyperparameters: {
      ...modelParams(c.model),
      lookback: c.lookback,
      features: [...c.features],
      validation_fraction: c.split.validation_fraction,
      cv_folds: c.cv.folds,
      cv_gap: c.cv.gap,
    },
    config: {
      symbols: [...c.symbols],
      lookback: c.lookback,
      candles: c.candles,
      features: [...c.features],
      split: { validation_fraction: c.split.validation_fraction },
      cv: { folds: c.cv.folds, gap: c.cv.gap },
      model: { ...c.model },
      seed: c.seed,
      model_name: c.model_name,
      activate: c.activate,
    },
    config_file: m.configFile,
    data_source: { kind: m.sourceKind },
    symbols: [...c.symbols],
    dataset_hash: m.datasetHash,
    split: {
      train_rows: m.split.trainRows,
      validation_rows: m.split.validationRows,
      cut_timestamp: m.split.cutTimestamp,
    },
    package_versions: { ...m.packageVersions },
    training_duration_ms: m.durationMs,
  };
}

/** The hyperparameters of a model config: everything but `type`. */
function modelParams(model: TrainConfig["model"]): Record<string, unknown> {
  const { type: _type, ...params } = model as Record<string, unknown>;
  return params;
}
