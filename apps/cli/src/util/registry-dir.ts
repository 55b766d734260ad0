import { resolveUserPath } from "./paths";

/** Where models go when nothing else says: relative to the user's directory. */
export const DEFAULT_REGISTRY_DIR = "artifacts/models";

/**
 * The registry folder, by precedence: `--registry-dir` flag, `MODEL_REGISTRY_DIR`, the config's
 * `registry_dir`, then `artifacts/models`; relative paths resolve against the user's directory.
 *
 * @example
 * resolveRegistryDir({ env: {}, cwd: "/repo" }); // "/repo/artifacts/models"
 */
export function resolveRegistryDir(input: {
  readonly flag?: string | undefined;
  readonly config?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}): string {
  return resolveUserPath(registryDirAsGiven(input), input.cwd);
}

/**
 * The registry folder as the user wrote it (flag, `MODEL_REGISTRY_DIR`, config, default), not
 * resolved: what metadata records, so it carries no machine-specific absolute path.
 *
 * @example
 * registryDirAsGiven({ config: "models", env: {} }); // "models"
 */
export function registryDirAsGiven(input: {
  readonly flag?: string | undefined;
  readonly config?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}): string {
  const fromEnv = input.env.MODEL_REGISTRY_DIR === "" ? undefined : input.env.MODEL_REGISTRY_DIR;
  return input.flag ?? fromEnv ?? input.config ?? DEFAULT_REGISTRY_DIR;
}
