import type { FindCompleted, JobHandler, TrainJobResult } from "@mle/jobs";
import type { Registry } from "@mle/registry";
import { trainConfigSchema } from "../config/schema";
import type { CliDeps } from "../deps";
import type { Progress } from "../render/progress";
import { runTraining } from "../train/run-training";
import type { TrainSummary } from "../train/summary";
import { jobEnv } from "./job-spec";

function resultOf(summary: Pick<TrainSummary, "version" | "model" | "validation">): TrainJobResult {
  const v = summary.validation;
  const rmse = v.model.rmse;
  return {
    version: summary.version,
    model: summary.model,
    reused: false,
    metrics: {
      rmse,
      mae: v.model.mae,
      baseline_zero_rmse: v.baseline_zero.rmse,
      baseline_mean_rmse: v.baseline_mean.rmse,
    },
    beats_baselines: rmse < v.baseline_zero.rmse && rmse < v.baseline_mean.rmse,
  };
}

/** The version of `registry` whose metadata records `jobId`, oldest first, or null. */
async function versionOfJob(registry: Registry, jobId: string): Promise<TrainJobResult | null> {
  const entries = await registry.list();
  for (const entry of [...entries].reverse()) {
    if (entry.status !== "ok") continue;
    const details = await registry.get(entry.version);
    if (details.metadata?.job_id !== jobId) continue;
    const metrics = details.metrics as { validation?: TrainSummary["validation"] } | null;
    if (!metrics?.validation) continue;
    return resultOf({
      version: entry.version,
      model: registry.model,
      validation: metrics.validation,
    });
  }
  return null;
}

/** Thrown from the guarded save when another delivery of the job saved its version meanwhile. */
class AlreadySaved extends Error {
  override name = "AlreadySaved" as const;
  constructor(readonly result: TrainJobResult) {
    super(`job already saved as ${result.version}`);
  }
}

/**
 * The registry with a last look before the commit: a second delivery that raced the first one
 * through training (its lock expired while a long fit held the event loop) does not save again.
 */
function guardedRegistry(registry: Registry, jobId: string): Registry {
  return new Proxy(registry, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop !== "save") return typeof value === "function" ? value.bind(target) : value;
      return async (...args: Parameters<Registry["save"]>) => {
        const existing = await versionOfJob(target, jobId);
        if (existing) throw new AlreadySaved(existing);
        return target.save(...args);
      };
    },
  });
}

/**
 * What `mle worker` runs: the same pipeline as `mle train`, on the job's config, data settings
 * and registry, with the job id recorded in the version's metadata. `findCompleted` answers from
 * the registry, so a job delivered again after its version was saved is not trained twice.
 */
export function createTrainJobRunner(deps: CliDeps): {
  handler: JobHandler;
  findCompleted: FindCompleted;
} {
  /** The model of the job's registry it trains into (`model_name` of its config). */
  const modelOf = (data: Parameters<JobHandler>[0]) =>
    deps.openRegistry(data.registry).model(trainConfigSchema.parse(data.config).model_name);
  const findCompleted: FindCompleted = (jobId, data) => versionOfJob(modelOf(data), jobId);
  const handler: JobHandler = async (data, context) => {
    const config = trainConfigSchema.parse(data.config);
    const registry = guardedRegistry(modelOf(data), context.jobId);
    const progress: Progress = {
      enabled: true,
      step(message) {
        // Training has no await points of its own to cancel at: stop at the next step.
        context.signal.throwIfAborted();
        context.progress(message);
      },
    };
    let summary: TrainSummary;
    try {
      summary = await runTraining({
        config,
        configFile: `job ${context.jobId}`,
        source: deps.createSource(jobEnv(deps.env, data.source)),
        registry,
        now: deps.now,
        progress,
        jobId: context.jobId,
      });
    } catch (error) {
      if (error instanceof AlreadySaved) return { ...error.result, reused: true };
      throw error;
    }
    return resultOf(summary);
  };
  return { handler, findCompleted };
}
