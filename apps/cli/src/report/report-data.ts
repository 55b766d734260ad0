import type { Registry } from "@mle/registry";
import { PREDICTIONS_FILE } from "@mle/trainer";

/**
 * What a report embeds, in the shapes the API serves (`GET /model/{version}` and
 * `GET /model/{version}/predictions`), so the UI's version page draws it unchanged.
 */
export interface ReportData {
  readonly format: "mle.report";
  readonly generated_at: string;
  readonly model: string;
  readonly details: Record<string, unknown>;
  readonly predictions: unknown;
}

/** Extra artifacts a registry may return from `load` (registry v2's open artifact set). */
function extraFiles(loaded: unknown): Record<string, unknown> {
  const files = (loaded as { files?: unknown }).files;
  return files && typeof files === "object" ? (files as Record<string, unknown>) : {};
}

/**
 * Reads a version for a report: its details (also for a corrupt version, which the report then
 * shows as such) and, when it verifies, its stored predictions and evaluation.
 *
 * @example
 * const data = await reportData(registry, "v3", new Date());
 */
export async function reportData(
  registry: Registry,
  version: string,
  now: Date,
): Promise<ReportData> {
  const d = await registry.get(version);
  let files: Record<string, unknown> = {};
  if (d.status === "ok") files = extraFiles(await registry.load(d.version));
  const kind = (d.metadata as { model_type?: unknown } | null)?.model_type;
  return {
    format: "mle.report",
    generated_at: now.toISOString(),
    model: registry.model,
    details: {
      version: d.version,
      created_at: d.created_at,
      status: d.status,
      ...(d.problem === undefined ? {} : { problem: d.problem }),
      is_active: d.is_active,
      aliases: d.aliases,
      ...(typeof kind === "string" ? { kind } : {}),
      metadata: d.metadata,
      metrics: d.metrics,
      key_metrics: d.key_metrics ?? null,
      feature_columns: d.featureColumns,
      dataset_summary: d.datasetSummary,
      ...("evaluation.json" in files ? { evaluation: files["evaluation.json"] } : {}),
    },
    predictions: files[PREDICTIONS_FILE] ?? null,
  };
}
