/** Where a queue lives in Redis: BullMQ's own keys under `prefix:name:`, ours under `prefix:name:mle:`. */
export interface QueueAddress {
  /** Key prefix; every key this package or BullMQ writes starts with it. Default `mle`. */
  readonly prefix: string;
  /** Queue name; default `train`. */
  readonly name: string;
}

export const DEFAULT_PREFIX = "mle";
export const DEFAULT_QUEUE_NAME = "train";

export function addressOf(options: { prefix?: string; queueName?: string }): QueueAddress {
  return {
    prefix: options.prefix ?? DEFAULT_PREFIX,
    name: options.queueName ?? DEFAULT_QUEUE_NAME,
  };
}

export const sweepKey = (a: QueueAddress, sweepId: string) =>
  `${a.prefix}:${a.name}:mle:sweep:${sweepId}`;
export const cancelKey = (a: QueueAddress, jobId: string) =>
  `${a.prefix}:${a.name}:mle:cancel:${jobId}`;
