import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import cliPackage from "../../package.json" with { type: "json" };

/** The libraries a trained model depends on; their versions go into metadata.json. */
export const TRAINING_PACKAGES = [
  "@mle/features",
  "@mle/market-client",
  "@mle/dataset",
  "@mle/trainer",
  "@mle/registry",
] as const;

/** Version of this CLI (from apps/cli/package.json, inlined at build time). */
export const CLI_VERSION: string = cliPackage.version;
/** This CLI's package name, `@mle/cli`, the key of its own version in package_versions. */
const CLI_NAME: string = cliPackage.name;

/**
 * Reads the installed version of each package from its package.json (as resolved from the CLI),
 * plus the CLI's own version under its name. A package that cannot be resolved reports "unknown".
 *
 * @example
 * readPackageVersions(); // { "@mle/cli": "0.1.0", "@mle/features": "0.1.0", ... }
 */
export function readPackageVersions(
  names: readonly string[] = TRAINING_PACKAGES,
): Record<string, string> {
  const require = createRequire(import.meta.url);
  const out: Record<string, string> = { [CLI_NAME]: CLI_VERSION };
  for (const name of names) {
    try {
      const file = require.resolve(`${name}/package.json`);
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { version?: unknown };
      out[name] = typeof pkg.version === "string" ? pkg.version : "unknown";
    } catch {
      out[name] = "unknown";
    }
  }
  return out;
}
