import { Option } from "commander";
import type { Registry } from "@mle/registry";
import type { CliDeps } from "../deps";
import { resolveRegistryDir } from "../util/registry-dir";

/** `--registry-dir`, shared by every `mle models` subcommand. */
export function registryDirOption(): Option {
  return new Option(
    "--registry-dir <path>",
    "registry folder, relative to the directory you ran the command from (default: MODEL_REGISTRY_DIR, else artifacts/models)",
  );
}

/** `--json`, shared by every `mle models` subcommand. */
export function jsonOption(): Option {
  return new Option("--json", "print one JSON document on stdout").default(false);
}

/** Opens the registry named by `--registry-dir`, MODEL_REGISTRY_DIR or the default. */
export function openRegistry(deps: CliDeps, flag: string | undefined): Registry {
  return deps.createRegistry(resolveRegistryDir({ flag, env: deps.env, cwd: deps.cwd }));
}

/** Pretty JSON plus newline: the one document a `--json` command prints. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** File name of the evaluation report stored with each version. */
export const EVALUATION_FILE = "evaluation.json";

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
