import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { TrainJobData } from "./job";
import { addressOf, cancelKey } from "./keys";
import { CANCELLED_REASON } from "./queue";
import { DEFAULT_REDIS_URL, redactRedisUrl, workerRedisOptions } from "./redis";
import type { JobProgress, TrainJobResult } from "./types";

export interface JobContext {
  readonly jobId: string;
  /** Aborted when the job is cancelled or the worker is closing. */
  readonly signal: AbortSignal;
  readonly progress: (message: string) => void;
}

/** Runs one job: trains and saves into the registry, with the job id recorded in the version. */
export type JobHandler = (data: TrainJobData, context: JobContext) => Promise<TrainJobResult>;

/**
 * Finds the version an earlier delivery of this job already saved (BullMQ delivers at least
 * once: a worker killed after its save but before its acknowledgement is re-run elsewhere).
 */
export type FindCompleted = (jobId: string, data: TrainJobData) => Promise<TrainJobResult | null>;

export type WorkerEvent =
  | { readonly type: "started"; readonly jobId: string }
  | { readonly type: "completed"; readonly jobId: string; readonly result: TrainJobResult }
  | { readonly type: "failed"; readonly jobId: string; readonly reason: string }
  | { readonly type: "redis-error"; readonly message: string };

export interface JobWorkerOptions {
  readonly url?: string;
  readonly prefix?: string;
  readonly queueName?: string;
  /** Jobs run at once in this process; default 1 (training is CPU-bound). */
  readonly concurrency?: number;
  /** How long a job's lock lives without renewal before another worker may take it (ms); default 30000. */
  readonly lockDurationMs?: number;
  /** How often stalled jobs are looked for (ms); default 30000. */
  readonly stalledIntervalMs?: number;
  /** How often the cancel marker of a running job is checked (ms); default 500. */
  readonly cancelPollMs?: number;
  readonly handler: JobHandler;
  readonly findCompleted: FindCompleted;
  readonly onEvent?: (event: WorkerEvent) => void;
}

export interface JobWorker {
  /** Stops taking jobs, waits for running ones to end, then disconnects. */
  close(): Promise<void>;
}

/**
 * The consumer side: takes jobs from the queue and runs them through `handler`, skipping the
 * work when `findCompleted` says an earlier delivery already produced the version. While Redis
 * is down it waits and reports `redis-error` events; jobs run when Redis returns.
 *
 * @example
 * const worker = startJobWorker({ url, concurrency: 2, handler, findCompleted });
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const url = options.url ?? DEFAULT_REDIS_URL;
  const address = addressOf(options);
  const emit = options.onEvent ?? (() => {});
  let lastRedisError = "";
  const connection = workerRedisOptions(url, (error) => {
    const message = `cannot reach Redis at ${redactRedisUrl(url)} (${error.message}); retrying`;
    if (message !== lastRedisError) emit({ type: "redis-error", message });
    lastRedisError = message;
  });
  connection.on("ready", () => {
    lastRedisError = "";
  });
  const pollMs = options.cancelPollMs ?? 500;

  const processor = async (
    job: Job<TrainJobData, TrainJobResult>,
    _token?: string,
    workerSignal?: AbortSignal,
  ): Promise<TrainJobResult> => {
    const jobId = job.id as string;
    emit({ type: "started", jobId });
    const existing = await options.findCompleted(jobId, job.data);
    if (existing) return { ...existing, reused: true };

    const controller = new AbortController();
    const abortFromWorker = () => controller.abort(workerSignal?.reason);
    workerSignal?.addEventListener("abort", abortFromWorker, { once: true });
    let cancelled = false;
    const timer = setInterval(() => {
      connection
        .get(cancelKey(address, jobId))
        .then((flag) => {
          if (flag !== null && !controller.signal.aborted) {
            cancelled = true;
            controller.abort(new Error(CANCELLED_REASON));
          }
        })
        .catch(() => {});
    }, pollMs);
    let step = 0;
    try {
      return await options.handler(job.data, {
        jobId,
        signal: controller.signal,
        progress: (message) => {
          step += 1;
          const progress: JobProgress = { step, message };
          job.updateProgress(progress as unknown as object).catch(() => {});
        },
      });
    } catch (error) {
      if (cancelled) throw new UnrecoverableError(CANCELLED_REASON);
      throw error;
    } finally {
      clearInterval(timer);
      workerSignal?.removeEventListener("abort", abortFromWorker);
      if (cancelled) await connection.del(cancelKey(address, jobId)).catch(() => {});
    }
  };

  const worker = new Worker<TrainJobData, TrainJobResult>(address.name, processor, {
    connection,
    prefix: address.prefix,
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: 2,
  });
  worker.on("completed", (job, result) =>
    emit({ type: "completed", jobId: job.id as string, result }),
  );
  worker.on("failed", (job, error) => {
    if (job) emit({ type: "failed", jobId: job.id as string, reason: error.message });
  });
  // Connection errors are reported once through the connection's listener above.
  worker.on("error", () => {});

  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
