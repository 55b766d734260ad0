import path from "node:path";

/**
 * The directory the user ran the command from. pnpm runs package scripts inside the package
 * folder but sets INIT_CWD to where `pnpm` was invoked, so that wins over `process.cwd()`.
 *
 * @example
 * userCwd(process.env, process.cwd()); // "/repo" under `pnpm --filter @mle/cli train`
 */
export function userCwd(env: Record<string, string | undefined>, cwd: string): string {
  const init = env.INIT_CWD;
  return init !== undefined && init !== "" ? init : cwd;
}

/**
 * Resolves a path given by the user against the user's directory (absolute paths pass through).
 *
 * @example
 * resolveUserPath("configs/train.yaml", "/repo"); // "/repo/configs/train.yaml"
 */
export function resolveUserPath(p: string, cwd: string): string {
  return path.resolve(cwd, p);
}

/**
 * A path safe to record (e.g. in metadata served by the API): relative to the user's directory
 * when inside it, else only the file name, so no absolute machine layout leaks.
 *
 * @example
 * portablePath("/repo/configs/train.yaml", "/repo"); // "configs/train.yaml"
 * portablePath("/etc/mle/train.yaml", "/repo"); // "train.yaml"
 */
export function portablePath(absolute: string, cwd: string): string {
  const rel = path.relative(path.resolve(cwd), path.resolve(absolute));
  const outside = rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  if (rel !== "" && !outside) {
    return rel.split(path.sep).join("/");
  }
  return path.basename(absolute);
}
