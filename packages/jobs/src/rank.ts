import { JobsError } from "./errors";
import type { JobInfo } from "./types";

export interface RankedPoint {
  readonly rank: number;
  readonly jobId: string;
  readonly index: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly state: JobInfo["state"];
  readonly version: string | null;
  /** The metric's value, null when the job has not completed. */
  readonly value: number | null;
  readonly beatsBaselines: boolean;
}

/**
 * A sweep's points ranked by a validation metric, lower first (every metric we rank by is an
 * error); ties keep grid order, unfinished points come last in grid order.
 */
export function rankSweep(jobs: readonly JobInfo[], metric: string): RankedPoint[] {
  const rows = jobs.map((job) => {
    const value = job.result?.metrics[metric];
    return {
      jobId: job.id,
      index: job.sweep?.index ?? 0,
      params: job.sweep?.params ?? {},
      state: job.state,
      version: job.result?.version ?? null,
      value: typeof value === "number" && Number.isFinite(value) ? value : null,
      beatsBaselines: job.result?.beats_baselines ?? false,
    };
  });
  rows.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === null ? 1 : -1;
    }
    return a.value - b.value || a.index - b.index;
  });
  return rows.map((row, i) => ({ rank: i + 1, ...row }));
}

/**
 * The point a sweep may activate: the best-ranked one, once every point has completed, and only
 * when it beats both naive baselines. Throws `NO_WINNER` saying which condition failed.
 */
export function pickWinner(
  ranked: readonly RankedPoint[],
): RankedPoint & { readonly version: string } {
  const pending = ranked.filter((r) => r.state !== "completed").length;
  if (pending > 0)
    throw new JobsError("NO_WINNER", `${pending} of ${ranked.length} points have not completed`);
  const best = ranked[0];
  if (!best?.version) throw new JobsError("NO_WINNER", "no point produced a version");
  if (!best.beatsBaselines) {
    throw new JobsError(
      "NO_WINNER",
      `the best point (${best.version}) does not beat both naive baselines; nothing activated`,
    );
  }
  return { ...best, version: best.version };
}
