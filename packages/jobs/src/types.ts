import type { SweepPointRef, TrainJobData } from "./job";

/** What a finished job returns: the registry version it produced (or found already saved). */
export interface TrainJobResult {
  readonly version: string;
  readonly model: string;
  /** True when an earlier delivery had already saved this job's version and it was reused. */
  readonly reused: boolean;
  /** Validation figures used to rank sweep points (lower is better for every `*rmse`/`*mae`). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Whether the model beat both naive baselines on the validation split. */
  readonly beats_baselines: boolean;
}

/** Progress as the trainer reports it, stored on the job. */
export interface JobProgress {
  readonly step: number;
  readonly message: string;
}

export type JobStateName =
  | "waiting"
  | "delayed"
  | "prioritized"
  | "waiting-children"
  | "active"
  | "completed"
  | "failed"
  | "cancelled"
  | "unknown";

export interface JobInfo {
  readonly id: string;
  readonly state: JobStateName;
  readonly progress: JobProgress | null;
  readonly result: TrainJobResult | null;
  readonly failedReason: string | null;
  readonly attemptsMade: number;
  readonly createdAt: string | null;
  readonly finishedAt: string | null;
  readonly sweep: SweepPointRef | null;
  readonly data: TrainJobData;
}

export interface SubmitResult {
  readonly id: string;
  /** False when a job with the same content was already on the queue (nothing new was added). */
  readonly created: boolean;
  readonly state: JobStateName;
}
