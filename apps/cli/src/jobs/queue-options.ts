import { DEFAULT_REDIS_URL } from "@mle/jobs";

type Env = Readonly<Record<string, string | undefined>>;

/** Where `mle jobs` and `mle worker` find the queue: REDIS_URL, and MLE_JOBS_PREFIX for its keys. */
export function queueOptions(env: Env): { url: string; prefix?: string } {
  const url = env.REDIS_URL && env.REDIS_URL !== "" ? env.REDIS_URL : DEFAULT_REDIS_URL;
  const prefix = env.MLE_JOBS_PREFIX;
  return prefix ? { url, prefix } : { url };
}
