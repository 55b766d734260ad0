import { FEATURE_NAMES } from "@mle/features";
/** What the user can do next, per error code. Codes without an entry get no hint. */
export const SUGGESTIONS: Readonly<Record<string, string>> = {
  USAGE_ERROR: "run `mle --help` or `mle <command> --help` for the options",
  CONFIG_NOT_FOUND:
    "pass --config <path>; relative paths resolve against the directory you ran the command from",
  CONFIG_PARSE_ERROR: "fix the YAML syntax at the reported line",
  CONFIG_INVALID: "fix the key named above (the config reference is in apps/cli/README.md)",
  CONFIG_ERROR: "check the MARKET_DATA_* environment variables",
  VALIDATION_ERROR: "check the values given on the command line",
  INVALID_SYMBOL: "symbols are 1-20 characters from A-Z, 0-9, '.', '_' and '-'",
  INVALID_LOOKBACK: "use an integer lookback between 2 and 10000",
  UNKNOWN_FEATURE: `known features: ${FEATURE_NAMES.join(", ")}; give parameters as feature_value (moving_average_50)`,
  INVALID_PARAMETER:
    "give each parameter as an integer in its range, in order: moving_average_50, macd_12_26_9 (see the @mle/features README)",
  UPSTREAM_UNAVAILABLE:
    "is the upstream running? start one with `mle upstream serve --port 9000`, or set MARKET_DATA_SOURCE=sample",
  UPSTREAM_TIMEOUT: "check the upstream, or raise MARKET_DATA_TIMEOUT_MS",
  UPSTREAM_BAD_RESPONSE: "the data source returned invalid data: fix the CSV file or the upstream",
  SYMBOL_NOT_FOUND: "check the symbol list against what the data source provides",
  INSUFFICIENT_DATA: "lower `candles` (or --candles), or provide more history for that symbol",
  INSUFFICIENT_ROWS: "use more candles, fewer cv.folds, a smaller cv.gap or a shorter lookback",
  NO_SKILL_EVIDENCE:
    "the version is saved but not active: train with more data or other features, or activate it without --require-skill",
  SINGULAR_SYSTEM: "raise model.alpha (--alpha) or drop collinear features",
  INVALID_OPTIONS: "check split, cv and model values in the config",
  INVALID_VERSION: "versions look like v1, v2, v3",
  UNSUPPORTED_MODEL:
    "`mle models import` serves XGBoost reg:squarederror gbtree models with numeric features and one target: retrain with those settings",
  FEATURE_MISMATCH:
    "give --features the model's inputs in its column order (as many names as the model has features)",
  MODEL_NOT_FOUND: "run `mle models list` to see the saved versions (`--all` for the models)",
  MODEL_CORRUPT: "activate another version with `mle models activate <version>`",
  NO_ACTIVE_MODEL: "train one with `mle train`, or run `mle models activate <version>`",
  EADDRINUSE: "the port is taken: pick another with --port (0 picks a free one)",
  EACCES: "permission denied: check the path or port",
  REDIS_UNAVAILABLE: "start Redis (or point REDIS_URL at yours); `mle train` works without it",
  INVALID_REDIS_URL: "REDIS_URL looks like redis://host:6379 (rediss:// for TLS)",
  JOB_NOT_FOUND: "run `mle jobs list` to see the jobs on the queue",
  SWEEP_NOT_FOUND: "the sweep id is printed by `mle jobs submit --sweep`",
  INVALID_SWEEP: "a sweep's grid maps dotted config paths (model.alpha) to non-empty lists",
  NO_WINNER: "wait for every point (`mle jobs results SWEEP`), or keep the current model",
  JOB_NOT_CANCELLABLE: "only waiting or running jobs can be cancelled",
  REGISTRY_IO:
    "check that the registry is writable and reachable (--registry, MODEL_REGISTRY_URI or MODEL_REGISTRY_DIR)",
  REGISTRY_UNAVAILABLE:
    "the registry's store cannot be reached: check the endpoint and network (AWS_ENDPOINT_URL_S3), then retry",
  INVALID_NAME:
    "`mle models list --all` lists the registry's models, `mle models alias list` a model's aliases",
  ALIAS_NOT_FOUND: "run `mle models alias list` to see the aliases that are set",
  ALIAS_CONFLICT: "someone else moved the alias meanwhile: check `mle models history`, then retry",
  NO_PREVIOUS_VERSION:
    "the alias history has no earlier holder to go back to: point it with `mle models alias set`",
  HISTORY_CORRUPT:
    "an alias history entry is missing, altered or out of chain: restore the history from a backup before moving that alias",
};
