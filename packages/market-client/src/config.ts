import { z } from "zod";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./bounded-body";
import { ConfigError } from "./errors";
import { DEFAULT_BACKOFF_MS, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "./http-source";
import { REDIRECT_POLICIES, type RedirectPolicy } from "./redirects";
import { DEFAULT_SAMPLE_SEED } from "./sample-source";
import { prepareUpstreamUrl } from "./upstream-url";

export const MARKET_DATA_SOURCES = ["sample", "csv", "http"] as const;
export type MarketDataSourceKind = (typeof MARKET_DATA_SOURCES)[number];

/** Settings of {@link createMarketDataSource}; {@link loadMarketDataConfig} fills every default. */
export interface MarketDataConfig {
  source: MarketDataSourceKind;
  /** Required for `http`. */
  baseUrl?: string | undefined;
  /** Required for `csv`. */
  csvDir?: string | undefined;
  timeoutMs?: number;
  maxRetries?: number;
  backoffMs?: number;
  /** Largest upstream body in bytes (`http`). */
  maxResponseBytes?: number;
  /** Which upstream redirects the `http` source follows. */
  followRedirects?: RedirectPolicy;
  /** Seed of the `sample` source. */
  seed?: number;
}

/** What {@link loadMarketDataConfig} returns: every default filled in. */
export interface LoadedMarketDataConfig extends MarketDataConfig {
  timeoutMs: number;
  maxRetries: number;
  backoffMs: number;
  maxResponseBytes: number;
  followRedirects: RedirectPolicy;
  seed: number;
}

/** Blank values in .env files mean "not set". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function integerVar(min: number, max: number, fallback: number, what: string) {
  const expected = `expected ${what}, an integer in [${min}, ${max}]`;
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[+-]?\d+$/, { error: expected })
        .transform(Number)
        .refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, { error: expected })
        .optional(),
    )
    .transform((v) => v ?? fallback);
}

/**
 * zod schema of the market-data environment variables. Unknown variables are ignored; blank values
 * count as unset. Parsing yields typed values with defaults applied.
 *
 * @example
 * ```ts
 * marketDataEnvSchema.parse({ MARKET_DATA_SOURCE: "http", MARKET_DATA_BASE_URL: "http://127.0.0.1:9000" });
 * ```
 */
export const marketDataEnvSchema = z
  .object({
    MARKET_DATA_SOURCE: z
      .preprocess(
        blankToUndefined,
        z.enum(MARKET_DATA_SOURCES, { error: "expected one of sample | csv | http" }).optional(),
      )
      .transform((v) => v ?? "sample"),
    MARKET_DATA_BASE_URL: z.preprocess(
      blankToUndefined,
      z.url({ protocol: /^https?$/, error: "expected an absolute http(s) URL" }).optional(),
    ),
    MARKET_DATA_CSV_DIR: z.preprocess(blankToUndefined, z.string().optional()),
    MARKET_DATA_TIMEOUT_MS: integerVar(1, 600_000, DEFAULT_TIMEOUT_MS, "a timeout in milliseconds"),
    MARKET_DATA_MAX_RETRIES: integerVar(0, 10, DEFAULT_MAX_RETRIES, "a retry count"),
    MARKET_DATA_BACKOFF_MS: integerVar(0, 60_000, DEFAULT_BACKOFF_MS, "a backoff in milliseconds"),
    MARKET_DATA_MAX_RESPONSE_BYTES: integerVar(
      1024,
      1024 ** 3,
      DEFAULT_MAX_RESPONSE_BYTES,
      "a size in bytes",
    ),
    MARKET_DATA_FOLLOW_REDIRECTS: z
      .preprocess(
        blankToUndefined,
        z
          .enum(REDIRECT_POLICIES, { error: `expected one of ${REDIRECT_POLICIES.join(" | ")}` })
          .optional(),
      )
      .transform((v) => v ?? "none"),
    MARKET_DATA_SEED: integerVar(
      Number.MIN_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER,
      DEFAULT_SAMPLE_SEED,
      "a sample seed",
    ),
  })
  .superRefine((env, ctx) => {
    if (env.MARKET_DATA_SOURCE === "http" && env.MARKET_DATA_BASE_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MARKET_DATA_BASE_URL"],
        message: "is required when MARKET_DATA_SOURCE=http (expected an absolute http(s) URL)",
      });
    }
    if (env.MARKET_DATA_SOURCE === "csv" && env.MARKET_DATA_CSV_DIR === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MARKET_DATA_CSV_DIR"],
        message:
          "is required when MARKET_DATA_SOURCE=csv (expected a folder of <SYMBOL>.csv files)",
      });
    }
  });

/** Variables whose value must never be echoed (a URL may carry credentials). */
const SECRET_VALUES = new Set(["MARKET_DATA_BASE_URL"]);

/**
 * Validates the market-data environment and returns a complete {@link MarketDataConfig}.
 *
 * @throws ConfigError (code `CONFIG_ERROR`) whose `variable` and message name the first bad variable and
 * what was expected, e.g. `MARKET_DATA_TIMEOUT_MS: expected a timeout in milliseconds, an integer in [1, 600000], got "soon"`.
 * @example
 * ```ts
 * const config = loadMarketDataConfig(process.env);
 * const source = createMarketDataSource(config);
 * ```
 */
export function loadMarketDataConfig(
  env: Record<string, string | undefined>,
): LoadedMarketDataConfig {
  const result = marketDataEnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const raw = env[variable];
    const got =
      raw === undefined || raw.trim() === ""
        ? ""
        : SECRET_VALUES.has(variable)
          ? ""
          : `, got ${JSON.stringify(raw)}`;
    const text = issue.message.startsWith("is required") ? issue.message : `${issue.message}${got}`;
    throw new ConfigError(variable, `${variable}: ${text}`, { cause: result.error });
  }
  const e = result.data;
  // Parse the URL now (credentials included) so a bad value is a ConfigError at startup,
  // not a URIError when the source is built.
  if (e.MARKET_DATA_BASE_URL !== undefined) prepareUpstreamUrl(e.MARKET_DATA_BASE_URL);
  return {
    source: e.MARKET_DATA_SOURCE,
    baseUrl: e.MARKET_DATA_BASE_URL,
    csvDir: e.MARKET_DATA_CSV_DIR,
    timeoutMs: e.MARKET_DATA_TIMEOUT_MS,
    maxRetries: e.MARKET_DATA_MAX_RETRIES,
    backoffMs: e.MARKET_DATA_BACKOFF_MS,
    maxResponseBytes: e.MARKET_DATA_MAX_RESPONSE_BYTES,
    followRedirects: e.MARKET_DATA_FOLLOW_REDIRECTS,
    seed: e.MARKET_DATA_SEED,
  };
}
