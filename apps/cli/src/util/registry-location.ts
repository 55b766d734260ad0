/**
 * The one owner of where the registry is: every command (train, models, predict, report, jobs)
 * resolves its location here, with the same precedence.
 * @module
 */
import { DEFAULT_REGISTRY_LOCATION, resolveLocation } from "@mle/registry";
import { CliError } from "../errors/cli-error";

export { DEFAULT_REGISTRY_LOCATION };

type Env = Readonly<Record<string, string | undefined>>;

/** `--registry` and its alias `--registry-dir`, as commander parses them. */
export interface RegistryFlags {
  readonly registry?: string | undefined;
  readonly registryDir?: string | undefined;
}

/** The config keys naming a registry (`registry` wins over the older `registry_dir`). */
export interface RegistryConfigKeys {
  readonly registry?: string | undefined;
  readonly registry_dir?: string | undefined;
}

export interface RegistryLocationInput {
  readonly flags?: RegistryFlags | undefined;
  readonly config?: RegistryConfigKeys | undefined;
  readonly env: Env;
  readonly cwd: string;
}

/** Where the location came from: a flag, a variable, a config key or the default. */
export type RegistryLocationSource =
  | "--registry"
  | "--registry-dir"
  | "MODEL_REGISTRY_URI"
  | "MODEL_REGISTRY_DIR"
  | "registry"
  | "registry_dir"
  | "default";

export interface RegistryLocation {
  /** Absolute path, `file://…` or `s3://bucket/prefix`. */
  readonly location: string;
  readonly source: RegistryLocationSource;
}

function flag(name: "--registry" | "--registry-dir", value: string | undefined) {
  // An empty flag is most likely an unset shell variable: refuse it rather than use the default.
  if (value !== undefined && value.trim() === "") {
    throw new CliError(
      "USAGE_ERROR",
      `${name} is empty; give a path, file://… or s3://bucket/prefix`,
    );
  }
  return value;
}

const nonEmpty = (value: string | undefined) => (value === "" ? undefined : value);

/**
 * The registry location, by precedence: `--registry` (or its alias `--registry-dir`), then
 * `MODEL_REGISTRY_URI`, then `MODEL_REGISTRY_DIR`, then the config's `registry`, then its
 * `registry_dir`, then `artifacts/models`. Relative paths resolve against the user's directory
 * (INIT_CWD under pnpm); `file://` and `s3://` locations pass through.
 *
 * @example
 * resolveRegistryLocation({ env: { MODEL_REGISTRY_URI: "s3://models/prod" }, cwd: "/repo" });
 * // { location: "s3://models/prod", source: "MODEL_REGISTRY_URI" }
 */
export function resolveRegistryLocation(input: RegistryLocationInput): RegistryLocation {
  const candidates: ReadonlyArray<readonly [RegistryLocationSource, string | undefined]> = [
    ["--registry", flag("--registry", input.flags?.registry)],
    ["--registry-dir", flag("--registry-dir", input.flags?.registryDir)],
    ["MODEL_REGISTRY_URI", nonEmpty(input.env.MODEL_REGISTRY_URI)],
    ["MODEL_REGISTRY_DIR", nonEmpty(input.env.MODEL_REGISTRY_DIR)],
    ["registry", input.config?.registry],
    ["registry_dir", input.config?.registry_dir],
  ];
  for (const [source, given] of candidates) {
    if (given !== undefined) return { location: resolveLocation(given, input.cwd), source };
  }
  return { location: resolveLocation(DEFAULT_REGISTRY_LOCATION, input.cwd), source: "default" };
}
