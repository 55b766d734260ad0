import { readFile } from "node:fs/promises";
import { parse, YAMLParseError } from "yaml";
import { CliError } from "../errors/cli-error";
import { toConfigIssues } from "../errors/zod-issues";
import { applyOverrides, type TrainOverrides } from "./overrides";
import { type TrainConfig, trainConfigSchema } from "./schema";

/**
 * Parses YAML text and validates it as a training config, after applying flag overrides.
 * Throws {@link CliError} `CONFIG_PARSE_ERROR` (bad YAML) or `CONFIG_INVALID` (with one issue per
 * key path) and never touches any data source.
 *
 * @example
 * const config = parseTrainConfig("symbols: [AAPL]\n", "train.yaml");
 */
export function parseTrainConfig(
  text: string,
  label: string,
  overrides: TrainOverrides = {},
): TrainConfig {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true });
  } catch (cause) {
    const where =
      cause instanceof YAMLParseError && cause.linePos
        ? ` at line ${cause.linePos[0].line}, column ${cause.linePos[0].col}`
        : "";
    const reason = cause instanceof Error ? (cause.message.split("\n")[0] ?? "") : String(cause);
    throw new CliError("CONFIG_PARSE_ERROR", `${label}: invalid YAML${where}: ${reason}`, {
      cause,
    });
  }
  // An empty file is an empty mapping, so the message names the missing keys.
  const result = trainConfigSchema.safeParse(applyOverrides(raw ?? {}, overrides));
  if (!result.success) {
    throw new CliError("CONFIG_INVALID", `${label} is invalid`, {
      cause: result.error,
      issues: toConfigIssues(result.error.issues),
    });
  }
  return result.data;
}

/**
 * Reads and validates a training config file (see {@link parseTrainConfig}).
 * Throws {@link CliError} `CONFIG_NOT_FOUND` when the file cannot be read.
 *
 * @example
 * const config = await loadTrainConfig("/repo/configs/train.yaml", "configs/train.yaml");
 */
export async function loadTrainConfig(
  file: string,
  label: string,
  overrides: TrainOverrides = {},
): Promise<TrainConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    const why = code === "ENOENT" ? "not found" : `cannot be read (${code ?? "error"})`;
    throw new CliError("CONFIG_NOT_FOUND", `config file ${label} ${why} (looked at ${file})`, {
      cause,
    });
  }
  return parseTrainConfig(text, label, overrides);
}
