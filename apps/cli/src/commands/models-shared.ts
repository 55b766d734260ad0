import type { ModelRegistry, Registry } from "@mle/registry";
import { EVALUATION_FILE } from "@mle/trainer";
import { type Command, Option } from "commander";
import type { CliDeps } from "../deps";
import {
  DEFAULT_REGISTRY_LOCATION,
  type RegistryConfigKeys,
  type RegistryFlags,
  resolveRegistryLocation,
} from "../util/registry-location";

/**
 * `--registry <location>` and its alias `--registry-dir <folder>`, shared by every command that
 * opens the registry (giving both is a usage error).
 */
export function addRegistryOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--registry <location>",
        `registry: a path (relative to the directory you ran the command from), file://… or s3://bucket/prefix (default: MODEL_REGISTRY_URI, else MODEL_REGISTRY_DIR, else the config's registry, else ${DEFAULT_REGISTRY_LOCATION})`,
      ).conflicts("registryDir"),
    )
    .addOption(new Option("--registry-dir <folder>", "alias of --registry"));
}

/** `--model <name>`: which model of the registry (default `default`). */
export function modelOption(): Option {
  return new Option("--model <name>", "model name in the registry (default: default)");
}

/** `--json`, shared by every `mle models` subcommand. */
export function jsonOption(): Option {
  return new Option("--json", "print one JSON document on stdout").default(false);
}

/**
 * `--model`, `--registry`/`--registry-dir` and `--json`: the options of every command that works
 * on one model of the registry.
 */
export function addModelOptions(command: Command): Command {
  return addRegistryOptions(command.addOption(modelOption())).addOption(jsonOption());
}

/** `--reason <text>`, recorded with an alias move in the alias history. */
export function reasonOption(): Option {
  return new Option("--reason <text>", "why: recorded in the alias history");
}

/** Opens the registry named by the flags, the environment, the config or the default. */
export function openModelRegistry(
  deps: CliDeps,
  flags: RegistryFlags,
  config?: RegistryConfigKeys,
): ModelRegistry {
  const { location } = resolveRegistryLocation({ flags, config, env: deps.env, cwd: deps.cwd });
  return deps.openRegistry(location);
}

/** The handle of model `--model` (default `default`) of the registry the flags name. */
export function openModel(
  deps: CliDeps,
  opts: RegistryFlags & { readonly model?: string },
): Registry {
  return openModelRegistry(deps, opts).model(opts.model);
}

/** Pretty JSON plus newline: the one document a `--json` command prints. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** File name of the evaluation report stored with each version (owned by @mle/trainer). */
export { EVALUATION_FILE };

/**
 * A version's `evaluation.json`, or undefined when the version has none (trained before
 * evaluations were stored) or the registry keeps only its fixed artifacts.
 */
export async function loadEvaluation(
  registry: { load(version: string): Promise<unknown> },
  version: string,
): Promise<unknown> {
  const loaded = (await registry.load(version)) as { files?: Readonly<Record<string, unknown>> };
  return loaded.files?.[EVALUATION_FILE];
}
