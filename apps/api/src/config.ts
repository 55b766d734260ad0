import { isAbsolute, resolve } from "node:path";
import { resolveLocation } from "@mle/registry";
import { z } from "zod";

/** One documented environment variable of the API. */
export interface EnvVarDoc {
  readonly name: string;
  readonly description: string;
  /** The default as it would be written in `.env`; undefined when the variable is unset by default. */
  readonly default: string | undefined;
}

/** Every environment variable the API itself reads (market data ones live in @mle/market-client). */
export const API_ENV_VARS = [
  {
    name: "HOST",
    description:
      "Interface to listen on. 127.0.0.1 keeps a dev server private; containers set 0.0.0.0.",
    default: "127.0.0.1",
  },
  {
    name: "PORT",
    description: "TCP port (0 picks a free one; the bound port is logged).",
    default: "8000",
  },
  {
    name: "LOG_LEVEL",
    description: "pino level: fatal, error, warn, info, debug, trace or silent.",
    default: "info",
  },
  {
    name: "MODEL_REGISTRY_URI",
    description:
      "Model registry location: a path, file://… or s3://bucket/prefix (S3 via AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, AWS_REGION and the AWS credentials chain). Takes precedence over MODEL_REGISTRY_DIR.",
    default: undefined,
  },
  {
    name: "MODEL_REGISTRY_DIR",
    description:
      "Model registry folder (used when MODEL_REGISTRY_URI is unset); a relative path is resolved against the directory the server was started from (INIT_CWD, else the working directory).",
    default: "artifacts/models",
  },
  {
    name: "MODEL_RELOAD_MS",
    description:
      "How often the served aliases are re-checked, in ms: a moved alias is served by every replica within about this bound. Default 250 on the filesystem, 1000 on S3 (checked in the background there, so a request never waits for the store).",
    default: undefined,
  },
  {
    name: "CORS_ORIGINS",
    description:
      "Comma-separated origins allowed by CORS, or * for any. Empty: CORS off (no CORS headers).",
    default: "",
  },
  {
    name: "ADMIN_TOKEN",
    description:
      "Bearer token (16-512 characters, no whitespace) that enables mutating endpoints. Unset: those endpoints answer 404.",
    default: undefined,
  },
  {
    name: "REQUEST_TIMEOUT_MS",
    description: "Abandon a request after this many ms with 503 REQUEST_TIMEOUT.",
    default: "30000",
  },
  {
    name: "BODY_LIMIT_BYTES",
    description: "Largest accepted request body; bigger bodies get 413 PAYLOAD_TOO_LARGE.",
    default: "65536",
  },
  {
    name: "INFERENCE_CACHE_TTL_MS",
    description:
      "How long a computed prediction is reused for the same symbol and model (0 disables).",
    default: "5000",
  },
  {
    name: "UI_DIR",
    description:
      "Folder of the built web UI (apps/ui/dist) served at /ui; a relative path is resolved like MODEL_REGISTRY_DIR. Unset: /ui answers 404.",
    default: undefined,
  },
  {
    name: "SHUTDOWN_TIMEOUT_MS",
    description: "On SIGTERM/SIGINT, wait this long for in-flight requests before closing them.",
    default: "10000",
  },
  {
    name: "HEADERS_TIMEOUT_MS",
    description:
      "A client must send its complete request headers within this many ms, else 408 CLIENT_TIMEOUT and the connection closes (Node's headersTimeout; slow-header clients).",
    default: "10000",
  },
  {
    name: "RECEIVE_TIMEOUT_MS",
    description:
      "A client must send its whole request (headers and body) within this many ms, else 408 CLIENT_TIMEOUT (Node's requestTimeout); at least HEADERS_TIMEOUT_MS.",
    default: "30000",
  },
  {
    name: "MAX_CONNECTIONS",
    description:
      "Most concurrent client connections; further ones are closed at once (Node's maxConnections).",
    default: "1024",
  },
] as const satisfies readonly EnvVarDoc[];

/** Names of the API's environment variables. */
export type ApiEnvVarName = (typeof API_ENV_VARS)[number]["name"];

const intIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]+$/, `must be an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** The zod schema of the API's environment (values are strings; empty means unset). */
export const apiEnvSchema = z.object({
  HOST: z.string().min(1).max(255).default("127.0.0.1"),
  PORT: intIn(0, 65535).default(8000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MODEL_REGISTRY_DIR: z.string().min(1).default("artifacts/models"),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((o) => o.trim())
        .filter((o) => o.length > 0),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(\*|https?:\/\/[^\s/,]+)$/,
            "must be * or a list of http(s)://host[:port] origins",
          ),
      ),
    ),
  ADMIN_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters")
    .max(512, "must be at most 512 characters")
    // A bearer token with whitespace can never be sent back intact (a trailing newline from a
    // secrets file is the usual case), so it would lock the admin routes for good.
    .regex(/^\S+$/, "must not contain whitespace (check for a trailing newline or space)")
    .optional(),
  REQUEST_TIMEOUT_MS: intIn(1, 600_000).default(30_000),
  BODY_LIMIT_BYTES: intIn(1, 100 * 1024 * 1024).default(64 * 1024),
  INFERENCE_CACHE_TTL_MS: intIn(0, 86_400_000).default(5000),
  SHUTDOWN_TIMEOUT_MS: intIn(0, 600_000).default(10_000),
  UI_DIR: z.string().min(1).optional(),
  MODEL_REGISTRY_URI: z.string().min(1).optional(),
  MODEL_RELOAD_MS: intIn(0, 3_600_000).optional(),
  HEADERS_TIMEOUT_MS: intIn(1, 600_000).default(10_000),
  RECEIVE_TIMEOUT_MS: intIn(1, 3_600_000).default(30_000),
  MAX_CONNECTIONS: intIn(1, 1_000_000).default(1024),
});

/** The API's validated configuration. */
export interface ApiConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: z.infer<typeof apiEnvSchema>["LOG_LEVEL"];
  /** Where the model registry lives: an absolute folder or an `s3://` location. */
  readonly registryLocation: string;
  /** MODEL_RELOAD_MS; undefined: the backend's default. */
  readonly reloadCheckMs: number | undefined;
  /** Allowed CORS origins; empty means CORS is off. */
  readonly corsOrigins: readonly string[];
  /** Enables mutating endpoints when set. */
  readonly adminToken: string | undefined;
  readonly requestTimeoutMs: number;
  readonly bodyLimitBytes: number;
  readonly inferenceCacheTtlMs: number;
  readonly shutdownTimeoutMs: number;
  /** Absolute path of the built web UI served at /ui; undefined: no UI. */
  readonly uiDir: string | undefined;
  /** Node's headersTimeout: the whole request head must arrive within it. */
  readonly headersTimeoutMs: number;
  /** Node's requestTimeout: the whole request must arrive within it. */
  readonly receiveTimeoutMs: number;
  /** Node's maxConnections. */
  readonly maxConnections: number;
}

function absoluteFrom(cwd: string, p: string): string {
  return isAbsolute(p) ? p : resolve(cwd, p);
}

/** A configuration value is missing or malformed; `variable` names it. */
export class ApiConfigError extends Error {
  override name = "ApiConfigError" as const;
  readonly code = "CONFIG_ERROR" as const;
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(message);
    this.variable = variable;
  }
}

/**
 * Validates the API's environment. Empty strings count as unset. Throws {@link ApiConfigError}
 * naming the first bad variable. Never logs or echoes values (ADMIN_TOKEN is a secret).
 *
 * @example
 * ```ts
 * const config = loadApiConfig({ PORT: "0", LOG_LEVEL: "silent" }, { cwd: "/srv/app" });
 * config.registryLocation; // "/srv/app/artifacts/models"
 * ```
 */
export function loadApiConfig(
  env: Readonly<Record<string, string | undefined>>,
  options: { cwd?: string } = {},
): ApiConfig {
  const input: Record<string, string> = {};
  for (const { name } of API_ENV_VARS) {
    const value = env[name];
    if (value !== undefined && value !== "") input[name] = value;
  }
  const parsed = apiEnvSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new ApiConfigError(variable, `Invalid ${variable}: ${issue?.message ?? "invalid value"}`);
  }
  const e = parsed.data;
  if (e.HEADERS_TIMEOUT_MS > e.RECEIVE_TIMEOUT_MS) {
    throw new ApiConfigError(
      "HEADERS_TIMEOUT_MS",
      "Invalid HEADERS_TIMEOUT_MS: must be at most RECEIVE_TIMEOUT_MS",
    );
  }
  const cwd = options.cwd ?? env.INIT_CWD ?? process.cwd();
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    registryLocation: resolveLocation(e.MODEL_REGISTRY_URI ?? e.MODEL_REGISTRY_DIR, cwd),
    reloadCheckMs: e.MODEL_RELOAD_MS,
    corsOrigins: e.CORS_ORIGINS,
    adminToken: e.ADMIN_TOKEN,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    inferenceCacheTtlMs: e.INFERENCE_CACHE_TTL_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    uiDir: e.UI_DIR === undefined ? undefined : absoluteFrom(cwd, e.UI_DIR),
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    receiveTimeoutMs: e.RECEIVE_TIMEOUT_MS,
    maxConnections: e.MAX_CONNECTIONS,
  };
}
