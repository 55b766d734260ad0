/**
 * @module
 * The `mle` CLI as a library: the program factory, one factory per command (each takes
 * injected {@link CliDeps}), the training pipeline and the config schema. Importing this
 * module runs nothing; `bin.ts` is the executable.
 */
export { createFeaturesCommand } from "./commands/features";
export { createModelsCommand } from "./commands/models";
export { createPredictCommand } from "./commands/predict";
export { createTrainCommand, DEFAULT_CONFIG_PATH } from "./commands/train";
export type { TrainCommandOptions } from "./commands/train";
export { createUpstreamCommand } from "./commands/upstream";
export { loadTrainConfig, parseTrainConfig } from "./config/load-config";
export type { TrainOverrides } from "./config/overrides";
export { CONFIG_DEFAULTS, trainConfigSchema } from "./config/schema";
export type { TrainConfig, TrainConfigInput } from "./config/schema";
export { createDefaultDeps } from "./default-deps";
export type { CliDeps } from "./deps";
export { CliError, CliErrorCode, isCliError } from "./errors/cli-error";
export type { ConfigIssue } from "./errors/cli-error";
export { ExitCode } from "./errors/exit-codes";
export { handleError } from "./errors/handle-error";
export type { HandleErrorOptions } from "./errors/handle-error";
export { createProgram, main } from "./program";
export { runTraining } from "./train/run-training";
export type { RunTrainingInput } from "./train/run-training";
export type { MetricsLike, TrainSummary } from "./train/summary";
export { CLI_VERSION } from "./train/package-versions";
export { createBufferWriter } from "./util/io";
export type { Writer } from "./util/io";
export { userCwd } from "./util/paths";
