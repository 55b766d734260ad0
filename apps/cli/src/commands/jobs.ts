import { type JobInfo, type JobQueue, openJobQueue, pickWinner, rankSweep } from "@mle/jobs";
import { Command } from "commander";
import { loadTrainConfig } from "../config/load-config";
import { trainConfigSchema } from "../config/schema";
import type { CliDeps } from "../deps";
import { jobSource, trainJobSpec } from "../jobs/job-spec";
import { queueOptions } from "../jobs/queue-options";
import { loadSweepFile, SWEEP_METRICS } from "../jobs/sweep-file";
import { formatNumber } from "../render/format";
import { renderTable } from "../render/table";
import { resolveUserPath } from "../util/paths";
import { resolveRegistryLocation } from "../util/registry-location";
import { addRegistryOptions, jsonOption, toJson } from "./models-shared";
import { DEFAULT_CONFIG_PATH } from "./train";

async function withQueue<T>(deps: CliDeps, work: (queue: JobQueue) => Promise<T>): Promise<T> {
  const queue = await openJobQueue(queueOptions(deps.env));
  try {
    return await work(queue);
  } finally {
    await queue.close();
  }
}

function progressText(job: JobInfo): string {
  if (job.state === "completed") return job.result?.reused ? "done (reused)" : "done";
  if (job.state === "failed" || job.state === "cancelled") return job.failedReason ?? job.state;
  return job.progress ? `${job.progress.step}: ${job.progress.message}` : "-";
}

function createSubmitCommand(deps: CliDeps): Command {
  const command = new Command("submit")
    .description("enqueue a training job (or a sweep: one job per grid point) for `mle worker`")
    .option(
      "-c, --config <path>",
      "training config, relative to your directory",
      DEFAULT_CONFIG_PATH,
    )
    .option(
      "--sweep <path>",
      "sweep file: `grid` of dotted config paths to value lists, `metric` (rmse|mae)",
    );
  // The location is resolved here, on the submitting machine, and travels with the job.
  return addRegistryOptions(command)
    .addOption(jsonOption())
    .action(
      async (opts: {
        config: string;
        sweep?: string;
        registry?: string;
        registryDir?: string;
        json: boolean;
      }) => {
        const configFile = resolveUserPath(opts.config, deps.cwd);
        const loaded = await loadTrainConfig(configFile, opts.config);
        const envSeed = deps.env.MARKET_DATA_SEED ? Number(deps.env.MARKET_DATA_SEED) : undefined;
        const config = { ...loaded, seed: envSeed ?? loaded.seed };
        const { location: registry } = resolveRegistryLocation({
          flags: opts,
          config,
          env: deps.env,
          cwd: deps.cwd,
        });
        const source = jobSource(deps.env, deps.cwd, config.seed);
        if (opts.sweep) {
          // Points are compared, then the best is activated on request: none activates itself.
          const base = { ...config, activate: false };
          const sweep = await loadSweepFile(
            resolveUserPath(opts.sweep, deps.cwd),
            opts.sweep,
            base,
          );
          const submitted = await withQueue(deps, (q) =>
            q.submitSweep(trainJobSpec(base, source, registry), sweep.grid, sweep.metric),
          );
          if (opts.json) return void deps.stdout.write(toJson(submitted));
          const fresh = submitted.jobs.filter((j) => j.created).length;
          deps.stdout.write(
            `sweep ${submitted.sweepId}: ${submitted.jobs.length} jobs (${fresh} new, ${submitted.jobs.length - fresh} already queued)\n`,
          );
          deps.stdout.write(`follow it with \`mle jobs results ${submitted.sweepId}\`\n`);
          return;
        }
        const result = await withQueue(deps, (q) =>
          q.submit(trainJobSpec(config, source, registry)),
        );
        if (opts.json) return void deps.stdout.write(toJson(result));
        deps.stdout.write(
          result.created
            ? `submitted ${result.id}\n`
            : `${result.id} is already queued (${result.state}); nothing added\n`,
        );
      },
    );
}

function createListCommand(deps: CliDeps): Command {
  return new Command("list")
    .alias("ls")
    .description("list jobs on the queue, newest first")
    .option("--limit <n>", "at most this many jobs", (v) => Number.parseInt(v, 10), 50)
    .addOption(jsonOption())
    .action(async (opts: { limit: number; json: boolean }) => {
      const jobs = await withQueue(deps, (q) => q.list({ limit: opts.limit }));
      if (opts.json) return void deps.stdout.write(toJson({ jobs }));
      if (jobs.length === 0)
        return void deps.stdout.write("no jobs on the queue; submit one with `mle jobs submit`\n");
      const rows = jobs.map((j) => [
        j.id,
        j.state,
        j.result?.version ?? "-",
        j.sweep?.id ?? "-",
        progressText(j),
        j.createdAt ?? "-",
      ]);
      deps.stdout.write(
        renderTable(
          [
            { header: "job" },
            { header: "state" },
            { header: "version" },
            { header: "sweep" },
            { header: "progress" },
            { header: "created" },
          ],
          rows,
        ),
      );
    });
}

function createShowCommand(deps: CliDeps): Command {
  return new Command("show")
    .description("show one job: state, progress, resulting version, config")
    .argument("<job>", "job id (train-…)")
    .addOption(jsonOption())
    .action(async (id: string, opts: { json: boolean }) => {
      const job = await withQueue(deps, (q) => q.get(id));
      if (opts.json) return void deps.stdout.write(toJson(job));
      const lines = [
        `job:      ${job.id}`,
        `state:    ${job.state}`,
        `progress: ${progressText(job)}`,
        `version:  ${job.result?.version ?? "-"}`,
        `registry: ${job.data.registry}`,
        `attempts: ${job.attemptsMade}`,
        `created:  ${job.createdAt ?? "-"}`,
        `finished: ${job.finishedAt ?? "-"}`,
      ];
      if (job.sweep)
        lines.push(
          `sweep:    ${job.sweep.id} point ${job.sweep.index} ${JSON.stringify(job.sweep.params)}`,
        );
      if (job.result)
        lines.push(
          `val RMSE: ${formatNumber(job.result.metrics.rmse)} (beats baselines: ${job.result.beats_baselines ? "yes" : "no"})`,
        );
      deps.stdout.write(`${lines.join("\n")}\n`);
    });
}

function createCancelCommand(deps: CliDeps): Command {
  return new Command("cancel")
    .description("remove a job that has not started, or stop a running one")
    .argument("<job>", "job id (train-…)")
    .addOption(jsonOption())
    .action(async (id: string, opts: { json: boolean }) => {
      const result = await withQueue(deps, (q) => q.cancel(id));
      if (opts.json) return void deps.stdout.write(toJson(result));
      deps.stdout.write(
        result.was === "active"
          ? `asked the worker running ${id} to stop\n`
          : `removed ${id} (was ${result.was})\n`,
      );
    });
}

function createResultsCommand(deps: CliDeps): Command {
  return new Command("results")
    .description(
      "a sweep's points ranked by its validation metric; --activate-best activates the winner",
    )
    .argument("<sweep>", "sweep id (sweep-…)")
    .option(
      "--metric <name>",
      `rank by this validation metric (${SWEEP_METRICS.join(", ")}; default: the sweep's)`,
    )
    .option(
      "--activate-best",
      "activate the best point, only if it beats both naive baselines",
      false,
    )
    .addOption(jsonOption())
    .action(async (id: string, opts: { metric?: string; activateBest: boolean; json: boolean }) => {
      const { record, jobs } = await withQueue(deps, (q) => q.sweep(id));
      const metric = opts.metric ?? record.metric;
      const ranked = rankSweep(jobs, metric);
      let activated: string | null = null;
      if (opts.activateBest) {
        const best = pickWinner(ranked);
        // The sweep's jobs share one registry and one model (the config's model_name).
        const first = jobs[0];
        const model = first ? trainConfigSchema.parse(first.data.config).model_name : undefined;
        await deps
          .openRegistry(first?.data.registry ?? "")
          .model(model)
          .activate(best.version, { reason: `best of sweep ${id} by validation ${metric}` });
        activated = best.version;
      }
      if (opts.json)
        return void deps.stdout.write(toJson({ sweep: id, metric, points: ranked, activated }));
      const keys = Object.keys(ranked[0]?.params ?? {});
      const rows = ranked.map((r) => [
        String(r.rank),
        ...keys.map((k) => JSON.stringify(r.params[k])),
        r.state,
        r.version ?? "-",
        formatNumber(r.value ?? undefined),
        r.beatsBaselines ? "yes" : "no",
      ]);
      deps.stdout.write(
        renderTable(
          [
            { header: "rank" },
            ...keys.map((k) => ({ header: k })),
            { header: "state" },
            { header: "version" },
            { header: `val ${metric}`, align: "right" as const },
            { header: "beats baselines" },
          ],
          rows,
        ),
      );
      if (activated) deps.stdout.write(`activated ${activated}\n`);
    });
}

/**
 * `mle jobs submit|list|show|cancel|results`: the producer side of the training queue
 * (REDIS_URL; MLE_JOBS_PREFIX names its keys).
 *
 * @example
 * program.addCommand(createJobsCommand(deps));
 */
export function createJobsCommand(deps: CliDeps): Command {
  return new Command("jobs")
    .description(
      "training jobs on a Redis queue (REDIS_URL): submit, list, show, cancel, sweep results",
    )
    .addCommand(createSubmitCommand(deps))
    .addCommand(createListCommand(deps))
    .addCommand(createShowCommand(deps))
    .addCommand(createCancelCommand(deps))
    .addCommand(createResultsCommand(deps));
}
