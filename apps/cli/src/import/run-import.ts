import { createHash } from "node:crypto";
import path from "node:path";
import { buildDataset, type FeatureSpec, summarizeDataset } from "@mle/dataset";
import type { MarketDataSource } from "@mle/market-client";
import type { Registry } from "@mle/registry";
import {
  kindOf,
  type ModelKindName,
  regressionMetrics,
  residualStats,
  toModelArtifact,
  TrainerError,
} from "@mle/trainer";
import type { Progress } from "../render/progress";
import { fetchCandles } from "../train/fetch-candles";
import { readPackageVersions } from "../train/package-versions";

/** What `metrics.json` says of every imported version: the metrics are not from a validation. */
export const IMPORTED_METRICS_NOTE =
  "imported model: trained elsewhere, no validation split was run here. The calibration rows are recent candles of the data source; they may overlap the data the model was trained on, so these figures are not out-of-sample.";

export interface RunImportInput {
  readonly kind: ModelKindName;
  /** The file's name as recorded in lineage (its base name: no path of this machine). */
  readonly fileName: string;
  /** The file's bytes, hashed as given. */
  readonly bytes: Uint8Array;
  readonly spec: FeatureSpec;
  /** Calibration: candles of these symbols give the residuals behind confidence and the interval. */
  readonly symbols: readonly string[];
  readonly candles: number;
  readonly source: MarketDataSource;
  readonly registry: Registry;
  readonly activate: boolean;
  readonly aliases: readonly string[];
  readonly progress: Progress;
  readonly packageVersions?: Readonly<Record<string, string>>;
}

export interface ImportSummary {
  readonly version: string;
  readonly model: string;
  readonly kind: string;
  readonly imported_from: { file: string; sha256: string; bytes: number };
  readonly hyperparameters: Record<string, unknown>;
  readonly calibration: { rows: number; symbols: string[]; residual_std: number };
  readonly activated: boolean;
  readonly aliases: string[];
}

/**
 * `mle models import`: parses another tool's model file through its kind's `importFile`
 * (validated, refused with a TrainerError before anything is fetched), calibrates the served
 * confidence and interval on the source's recent candles (residuals of the imported model,
 * recorded as calibration, never as validation), and saves a registry version with its lineage.
 */
export async function runImport(input: RunImportInput): Promise<ImportSummary> {
  const kind = kindOf(input.kind);
  if (kind.importFile === undefined) throw new Error(`kind ${input.kind} cannot be imported`);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  input.progress.step(`reading ${input.fileName} (${input.bytes.length} bytes)`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(input.bytes));
  } catch (cause) {
    throw new TrainerError("INVALID_MODEL", `${input.fileName} is not a JSON document`, { cause });
  }
  const imported = kind.importFile(json, input.spec.features);

  const candles = await fetchCandles(input.source, input.symbols, input.candles, input.progress);
  input.progress.step("calibrating on the source's recent candles");
  const dataset = buildDataset(candles, input.spec);
  const predicted = kind.load(imported.body).predictRange(dataset, { start: 0, end: dataset.rows });
  const residuals = residualStats(dataset.y, predicted);
  const artifact = toModelArtifact(
    { kind: input.kind, hyperparameters: imported.hyperparameters, body: imported.body },
    input.spec,
    residuals,
  );
  const datasetSummary = summarizeDataset(dataset);
  const lineage = { file: input.fileName, sha256, bytes: input.bytes.length };
  const calibration = {
    symbols: [...input.symbols],
    candles: input.candles,
    rows: dataset.rows,
    source: input.source.kind,
    dataset_hash: datasetSummary.content_hash,
  };

  const saved = await input.registry.save(
    {
      model: artifact,
      metadata: {
        model_type: input.kind,
        imported: true,
        imported_from: { ...lineage, kind: input.kind },
        hyperparameters: { ...artifact.hyperparameters },
        feature_spec: artifact.feature_spec,
        symbols: [...input.symbols],
        data_source: { kind: input.source.kind },
        dataset_hash: datasetSummary.content_hash,
        calibration,
        package_versions: { ...(input.packageVersions ?? readPackageVersions()) },
      },
      metrics: {
        imported: true,
        note: IMPORTED_METRICS_NOTE,
        validation: null,
        cv: null,
        calibration: {
          ...calibration,
          model: regressionMetrics(dataset.y, predicted),
          baseline_zero: regressionMetrics(dataset.y, new Float64Array(dataset.rows)),
        },
      },
      featureColumns: [...dataset.featureColumns],
      datasetSummary: { imported: true, training_data: null, calibration: datasetSummary },
    },
    { activate: input.activate, aliases: input.aliases },
  );
  return {
    version: saved.version,
    model: input.registry.model,
    kind: input.kind,
    imported_from: lineage,
    hyperparameters: { ...artifact.hyperparameters },
    calibration: { rows: dataset.rows, symbols: [...input.symbols], residual_std: residuals.std },
    activated: input.activate,
    aliases: [...input.aliases],
  };
}

/** The base name recorded as `imported_from.file`. */
export function lineageName(file: string): string {
  return path.basename(file);
}
