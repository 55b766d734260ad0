import type { TrainJobSpec } from "@mle/jobs";
import type { TrainConfig } from "../config/schema";
import { sourceEnv } from "../util/source-env";

type Env = Readonly<Record<string, string | undefined>>;

/** The MARKET_DATA_* settings that decide which candles a job trains on (not timeouts or retries). */
const DATA_SETTINGS = [
  "MARKET_DATA_SOURCE",
  "MARKET_DATA_SEED",
  "MARKET_DATA_CSV_DIR",
  "MARKET_DATA_BASE_URL",
] as const;

/**
 * The data source part of a job: what decides its candles, with relative folders resolved and
 * credentials removed from the upstream URL (a worker brings its own credentials through its
 * environment; a job on the queue never carries a secret).
 */
export function jobSource(env: Env, cwd: string, seed: number): Record<string, string> {
  const resolved = sourceEnv(env, cwd, { MARKET_DATA_SEED: String(seed) });
  const out: Record<string, string> = {};
  for (const name of DATA_SETTINGS) {
    const value = resolved[name];
    if (value !== undefined && value !== "")
      out[name] = name === "MARKET_DATA_BASE_URL" ? withoutCredentials(value) : value;
  }
  return out;
}

function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString();
  } catch {
    return url;
  }
}

/** A job spec from a validated config; `MARKET_DATA_*` of the worker fill in what the job leaves out. */
export function trainJobSpec(
  config: TrainConfig,
  source: Record<string, string>,
  registry: string,
): TrainJobSpec {
  return {
    config: JSON.parse(JSON.stringify(config)) as Record<string, unknown>,
    source,
    registry,
  };
}

/** The environment a worker trains a job with: its own, with the job's data settings on top. */
export function jobEnv(
  workerEnv: Env,
  source: Readonly<Record<string, string>>,
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...workerEnv, ...source };
  const own = workerEnv.MARKET_DATA_BASE_URL;
  // Same upstream as the job names, but with the worker's credentials when it has some.
  if (own && source.MARKET_DATA_BASE_URL && withoutCredentials(own) === source.MARKET_DATA_BASE_URL)
    env.MARKET_DATA_BASE_URL = own;
  return env;
}
