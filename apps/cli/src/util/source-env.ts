import { resolveUserPath } from "./paths";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment handed to the market data source: `env` plus `overrides`, with a relative
 * MARKET_DATA_CSV_DIR resolved against the user's directory (pnpm runs scripts elsewhere).
 *
 * @example
 * sourceEnv({ MARKET_DATA_CSV_DIR: "data" }, "/repo"); // { MARKET_DATA_CSV_DIR: "/repo/data" }
 */
export function sourceEnv(
  env: Env,
  cwd: string,
  overrides: Env = {},
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env, ...overrides };
  const dir = out.MARKET_DATA_CSV_DIR;
  if (dir !== undefined && dir !== "") out.MARKET_DATA_CSV_DIR = resolveUserPath(dir, cwd);
  return out;
}
