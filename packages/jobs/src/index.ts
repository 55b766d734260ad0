/**
 * @mle/jobs: training jobs and parameter sweeps on a distributed queue (BullMQ on Redis).
 * Job ids are derived from content, so a job submitted or delivered twice yields one version.
 * @module
 */
export { canonicalJson } from "./canonical-json";
export { isJobsError, JobsError, JobsErrorCode } from "./errors";
export type { JobsErrorOptions } from "./errors";
export { JOB_ID_PATTERN, jobIdOf } from "./job";
export type { SweepPointRef, TrainJobData, TrainJobSpec } from "./job";
export { DEFAULT_PREFIX, DEFAULT_QUEUE_NAME } from "./keys";
export type { QueueAddress } from "./keys";
export { CANCELLED_REASON, openJobQueue } from "./queue";
export type { JobQueue, JobQueueOptions, SweepRecord, SweepSubmission } from "./queue";
export { DEFAULT_REDIS_URL, redactRedisUrl } from "./redis";
export { expandSweep, MAX_SWEEP_POINTS, sweepIdOf } from "./sweep";
export type { SweepGrid, SweepPoint } from "./sweep";
export { pickWinner, rankSweep } from "./rank";
export type { RankedPoint } from "./rank";
export type { JobInfo, JobProgress, JobStateName, SubmitResult, TrainJobResult } from "./types";
export { startJobWorker } from "./worker";
export type {
  FindCompleted,
  JobContext,
  JobHandler,
  JobWorker,
  JobWorkerOptions,
  WorkerEvent,
} from "./worker";
