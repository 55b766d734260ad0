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
  const row = kindOf(artifact.kind).load(artifact.body);
  return {
    kind: artifact.kind,
    artifact,
    columns: artifact.feature_spec.features,
    predictRow: row.predictRow,
    predictRange: row.predictRange,
  };
}
