import type { RowModel } from "./kinds/kind";
import { kindOf } from "./kinds/table";
import type { ModelArtifact } from "./model";
import { parseModel } from "./parse-model";

/** A model ready to predict, of any kind. */
export interface LoadedModel extends RowModel {
  readonly kind: ModelArtifact["kind"];
  /** The validated artifact it was built from. */
  readonly artifact: ModelArtifact;
  /** Input columns in order (= `artifact.feature_spec.features`). */
  readonly columns: readonly string[];
  /** Rows the model must answer finitely before it is served (its kind's `probeRows`). */
  readonly probeRows: readonly (readonly number[])[];
}

/**
 * Validates a `model.json` value (any format `parseModel` reads) and builds its kind's
 * predictor. Pass an artifact `parseModel` returned to skip nothing: it is validated again,
 * which is cheap next to fetching candles.
 *
 * @throws TrainerError `INVALID_MODEL`.
 *
 * @example
 * ```ts
 * const model = loadModel(JSON.parse(await readFile("model.json", "utf8")));
 * model.predictRow(latestFeatures);
 * ```
 */
export function loadModel(json: unknown): LoadedModel {
  const artifact = parseModel(json);
  const kind = kindOf(artifact.kind);
  const row = kind.load(artifact.body);
  const columns = artifact.feature_spec.features;
  return {
    kind: artifact.kind,
    artifact,
    columns,
    probeRows: kind.probeRows?.(artifact.body) ?? [columns.map(() => 0)],
    predictRow: row.predictRow,
    predictRange: row.predictRange,
  };
}
