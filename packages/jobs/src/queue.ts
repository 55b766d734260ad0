import { type Job, Queue } from "bullmq";
import { JobsError } from "./errors";
import { jobIdOf, type TrainJobData, type TrainJobSpec } from "./job";
import { addressOf, cancelKey, type QueueAddress, sweepKey } from "./keys";
import { connectRedis, DEFAULT_REDIS_URL, unavailable } from "./redis";
import { expandSweep, type SweepGrid, sweepIdOf } from "./sweep";
import type { JobInfo, JobProgress, JobStateName, SubmitResult, TrainJobResult } from "./types";

export interface JobQueueOptions {
  /** `redis://…`; default `REDIS_URL`'s usual value, redis://127.0.0.1:6379. */
  readonly url?: string;
  readonly prefix?: string;
  readonly queueName?: string;
  readonly connectTimeoutMs?: number;
  /** Attempts per job before it fails (a stalled delivery does not count); default 2. */
  readonly attempts?: number;
}

export interface SweepSubmission {
  readonly sweepId: string;
  readonly jobs: readonly (SubmitResult & { readonly params: Readonly<Record<string, unknown>> })[];
}

export interface SweepRecord {
  readonly id: string;
  readonly jobIds: readonly string[];
  /** The validation metric the sweep is ranked by, e.g. `rmse`. */
  readonly metric: string;
}

export interface JobQueue {
  readonly address: QueueAddress;
  /** Enqueue one job; the same content twice is one job. */
  submit(spec: TrainJobSpec): Promise<SubmitResult>;
  /** Expand a grid over `spec.config` and enqueue one job per point. */
  submitSweep(spec: TrainJobSpec, grid: SweepGrid, metric: string): Promise<SweepSubmission>;
  list(options?: { readonly limit?: number }): Promise<JobInfo[]>;
  /** One job; `JOB_NOT_FOUND` when the queue has no job with that id. */
  get(id: string): Promise<JobInfo>;
  /** Remove a job that has not started, or ask the worker running it to stop. */
  cancel(id: string): Promise<{ readonly id: string; readonly was: JobStateName }>;
  /** A sweep's record and its jobs, in grid order; `SWEEP_NOT_FOUND` for an unknown id. */
  sweep(id: string): Promise<{ readonly record: SweepRecord; readonly jobs: JobInfo[] }>;
  close(): Promise<void>;
}

const CANCEL_TTL_SECONDS = 24 * 3600;

/**
 * The producer side: submit, inspect and cancel training jobs. Fails fast with
 * `REDIS_UNAVAILABLE` when Redis is down (nothing is half-submitted: a job is one atomic add).
 *
 * @example
 * const queue = await openJobQueue({ url: process.env.REDIS_URL });
 * const { id } = await queue.submit({ config, source: { MARKET_DATA_SOURCE: "sample" }, registry });
 */
export async function openJobQueue(options: JobQueueOptions = {}): Promise<JobQueue> {
  const url = options.url ?? DEFAULT_REDIS_URL;
  const address = addressOf(options);
  const redis = await connectRedis(
    url,
    options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs },
  );
  const queue = new Queue<TrainJobData, TrainJobResult>(address.name, {
    connection: redis,
    prefix: address.prefix,
  });
  const attempts = options.attempts ?? 2;

  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof JobsError) throw error;
      if (redis.status !== "ready") throw unavailable(url, error);
      throw error;
    }
  };

  async function add(data: TrainJobData): Promise<SubmitResult> {
    const id = jobIdOf(data);
    const before = await queue.getJob(id);
    if (before) return { id, created: false, state: await stateOf(before) };
    await queue.add("train", data, {
      jobId: id,
      attempts,
      backoff: { type: "exponential", delay: 1000 },
      removeOnComplete: false,
      removeOnFail: false,
    });
    return { id, created: true, state: "waiting" };
  }

  async function stateOf(job: Job | { getState(): Promise<string> }): Promise<JobStateName> {
    return (await job.getState()) as JobStateName;
  }

  async function info(job: Job<TrainJobData, TrainJobResult>): Promise<JobInfo> {
    let state = (await job.getState()) as JobStateName;
    if (state === "failed" && job.failedReason === CANCELLED_REASON) state = "cancelled";
    const progress = job.progress as unknown;
    return {
      id: job.id ?? "",
      state,
      progress: isProgress(progress) ? progress : null,
      result: state === "completed" ? (job.returnvalue ?? null) : null,
      failedReason: job.failedReason ?? null,
      attemptsMade: job.attemptsMade,
      createdAt: Number.isFinite(job.timestamp) ? new Date(job.timestamp).toISOString() : null,
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      sweep: job.data.sweep ?? null,
      data: job.data,
    };
  }

  async function find(id: string): Promise<Job<TrainJobData, TrainJobResult>> {
    const job = (await queue.getJob(id)) as Job<TrainJobData, TrainJobResult> | undefined;
    if (!job) throw new JobsError("JOB_NOT_FOUND", `no job ${id} in queue ${address.name}`);
    return job;
  }

  return {
    address,
    submit: (spec) => guard(() => add(spec)),
    submitSweep: (spec, grid, metric) =>
      guard(async () => {
        const points = expandSweep(spec.config, grid);
        const datas = points.map((p) => ({ ...spec, config: p.config }));
        const ids = datas.map((d) => jobIdOf(d));
        const sweepId = sweepIdOf(ids);
        const record: SweepRecord = { id: sweepId, jobIds: ids, metric };
        await redis.set(sweepKey(address, sweepId), JSON.stringify(record));
        const jobs = [];
        for (const [i, point] of points.entries()) {
          const data: TrainJobData = {
            ...(datas[i] as TrainJobSpec),
            sweep: { id: sweepId, index: point.index, params: point.params },
          };
          // The sweep reference is not part of the id: the same point in two sweeps is one job.
          jobs.push({ ...(await add(data)), params: point.params });
        }
        return { sweepId, jobs };
      }),
    list: (opts = {}) =>
      guard(async () => {
        const limit = opts.limit ?? 100;
        const jobs = (await queue.getJobs(
          ["active", "waiting", "delayed", "prioritized", "completed", "failed"],
          0,
          limit - 1,
          false,
        )) as unknown as Job<TrainJobData, TrainJobResult>[];
        const infos = await Promise.all(jobs.filter(Boolean).map(info));
        return infos
          .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""))
          .slice(0, limit);
      }),
    get: (id) => guard(async () => info(await find(id))),
    cancel: (id) =>
      guard(async () => {
        const job = await find(id);
        const was = (await job.getState()) as JobStateName;
        if (was === "completed" || was === "failed") {
          throw new JobsError(
            "JOB_NOT_CANCELLABLE",
            `job ${id} has already ${was === "completed" ? "completed" : "failed"}`,
          );
        }
        if (was === "active") {
          await redis.set(cancelKey(address, id), "1", "EX", CANCEL_TTL_SECONDS);
        } else {
          await job.remove();
        }
        return { id, was };
      }),
    sweep: (id) =>
      guard(async () => {
        const text = await redis.get(sweepKey(address, id));
        if (text === null)
          throw new JobsError("SWEEP_NOT_FOUND", `no sweep ${id} in queue ${address.name}`);
        const record = JSON.parse(text) as SweepRecord;
        const jobs: JobInfo[] = [];
        for (const jobId of record.jobIds) {
          const job = (await queue.getJob(jobId)) as Job<TrainJobData, TrainJobResult> | undefined;
          if (job) jobs.push(await info(job));
        }
        return { record, jobs };
      }),
    async close() {
      await queue.close().catch(() => {});
      redis.disconnect();
    },
  };
}

/** The failure reason a cancelled active job ends with. */
export const CANCELLED_REASON = "cancelled";

function isProgress(x: unknown): x is JobProgress {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as JobProgress).step === "number" &&
    typeof (x as JobProgress).message === "string"
  );
}
