import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/**
 * What a training job trains: everything that decides its result, and nothing else, so that
 * its id can be derived from its content.
 */
export interface TrainJobSpec {
  /** The validated training config as plain JSON (the CLI's `train.yaml` after flags). */
  readonly config: Readonly<Record<string, unknown>>;
  /** The data source settings that decide the candles (kind, seed, folder, URL without credentials). */
  readonly source: Readonly<Record<string, string>>;
  /** The registry location the result is saved into (`s3://…` or an absolute path). */
  readonly registry: string;
}

/** A job as it sits on the queue: the spec, plus the sweep it belongs to when it does. */
export interface TrainJobData extends TrainJobSpec {
  readonly sweep?: SweepPointRef;
}

export interface SweepPointRef {
  readonly id: string;
  /** Position of the point in the expanded grid (0-based). */
  readonly index: number;
  /** The grid values of this point, keyed by their dotted path. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Job ids are `train-` and 32 hex digits of the SHA-256 of the spec's canonical JSON. */
export const JOB_ID_PATTERN = /^train-[0-9a-f]{32}$/;

/**
 * The id of a job: a digest of its spec. Submitting the same job twice, or BullMQ delivering it
 * twice, names the same job, which is what makes one registry version per job possible.
 *
 * @example
 * jobIdOf({ config, source: { MARKET_DATA_SOURCE: "sample" }, registry: "/r" }); // "train-…"
 */
export function jobIdOf(spec: TrainJobSpec): string {
  const text = canonicalJson({ config: spec.config, source: spec.source, registry: spec.registry });
  return `train-${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
}
