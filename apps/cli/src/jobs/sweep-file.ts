import { readFile } from "node:fs/promises";
import { type SweepGrid, expandSweep } from "@mle/jobs";
import { parse } from "yaml";
import { z } from "zod";
import { CliError } from "../errors/cli-error";
import { toConfigIssues } from "../errors/zod-issues";
import { type TrainConfig, trainConfigSchema } from "../config/schema";

/** Validation metrics a sweep can be ranked by (lower is better for each). */
export const SWEEP_METRICS = ["rmse", "mae"] as const;
export type SweepMetric = (typeof SWEEP_METRICS)[number];

const sweepFileSchema = z.strictObject({
  metric: z.enum(SWEEP_METRICS).default("rmse"),
  grid: z.record(z.string(), z.array(z.unknown()).min(1, { error: "expected at least one value" })),
});

export interface SweepFile {
  readonly metric: SweepMetric;
  readonly grid: SweepGrid;
}

/**
 * Reads `sweep.yaml`: `grid` maps dotted config paths to value lists, `metric` ranks the points.
 * Every point is validated as a training config against `base` before anything is enqueued.
 *
 * @example
 * // sweep.yaml
 * // metric: rmse
 * // grid: { model.alpha: [0.1, 1, 10], lookback: [10, 20] }
 */
export async function loadSweepFile(
  file: string,
  label: string,
  base: TrainConfig,
): Promise<SweepFile> {
  let raw: unknown;
  try {
    raw = parse(await readFile(file, "utf8"));
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === "ENOENT")
      throw new CliError("CONFIG_NOT_FOUND", `sweep file ${label} not found (looked at ${file})`, {
        cause,
      });
    throw new CliError(
      "CONFIG_PARSE_ERROR",
      `${label}: invalid YAML: ${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}`,
      { cause },
    );
  }
  const result = sweepFileSchema.safeParse(raw ?? {});
  if (!result.success) {
    throw new CliError("CONFIG_INVALID", `${label} is invalid`, {
      cause: result.error,
      issues: toConfigIssues(result.error.issues),
    });
  }
  const { grid, metric } = result.data;
  for (const point of expandSweep(base as unknown as Record<string, unknown>, grid)) {
    const checked = trainConfigSchema.safeParse(point.config);
    if (!checked.success) {
      const where = Object.entries(point.params)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(", ");
      throw new CliError(
        "CONFIG_INVALID",
        `${label}: the point ${where} is not a valid training config`,
        {
          cause: checked.error,
          issues: toConfigIssues(checked.error.issues),
        },
      );
    }
  }
  return { grid, metric };
}
