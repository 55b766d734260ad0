import { startJobWorker } from "@mle/jobs";
import { Command } from "commander";
import type { CliDeps } from "../deps";
import { queueOptions } from "../jobs/queue-options";
import { createTrainJobRunner } from "../jobs/train-job";
import { parseInteger } from "../util/parse-options";

/**
 * `mle worker`: runs queued training jobs until SIGINT/SIGTERM, saving each result into the
 * registry the job names. One line per event on stdout; Redis outages are reported and waited out.
 *
 * @example
 * program.addCommand(createWorkerCommand(deps));
 */
export function createWorkerCommand(deps: CliDeps): Command {
  return new Command("worker")
    .description(
      "run queued training jobs (REDIS_URL) until stopped; results go into each job's registry",
    )
    .option(
      "--concurrency <n>",
      "jobs at once in this process (training is CPU-bound: about one per core)",
      parseInteger,
      1,
    )
    .option(
      "--lock-ms <n>",
      "job lock lifetime; raise it above your longest training (default 30000)",
      parseInteger,
      30_000,
    )
    .option(
      "--stalled-check-ms <n>",
      "how often jobs of dead workers are looked for (default 30000)",
      parseInteger,
      30_000,
    )
    .action(async (opts: { concurrency: number; lockMs: number; stalledCheckMs: number }) => {
      const { handler, findCompleted } = createTrainJobRunner(deps);
      const out = (line: string) => deps.stdout.write(`${deps.now().toISOString()} ${line}\n`);
      const worker = startJobWorker({
        ...queueOptions(deps.env),
        concurrency: opts.concurrency,
        lockDurationMs: opts.lockMs,
        stalledIntervalMs: opts.stalledCheckMs,
        handler,
        findCompleted,
        onEvent: (e) => {
          if (e.type === "started") out(`started ${e.jobId}`);
          else if (e.type === "completed")
            out(
              `completed ${e.jobId} -> ${e.result.version}${e.result.reused ? " (already saved)" : ""}`,
            );
          else if (e.type === "failed") out(`failed ${e.jobId}: ${e.reason}`);
          else deps.stderr.write(`error: ${e.message}\n`);
        },
      });
      out(`worker ready (concurrency ${opts.concurrency})`);
      const signal = await deps.waitForShutdown();
      out(`${signal}: finishing running jobs`);
      await worker.close();
    });
}
