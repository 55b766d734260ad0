import { spawnSync } from "node:child_process";

/**
 * Which of `tools` does not answer `--version`, as "pnpm and npm on PATH", or null when all do.
 * A test skips on that at a developer's machine; under CI=true a missing tool throws instead,
 * so CI never passes by skipping.
 *
 * @example
 * const missing = missingTools("pnpm", "npm");
 * describe.skipIf(missing !== null)(`… ${missing ? `(skipped: needs ${missing})` : ""}`, …);
 */
export function missingTools(...tools: readonly string[]): string | null {
  const missing = tools.filter(
    (t) => spawnSync(t, ["--version"], { stdio: "ignore" }).status !== 0,
  );
  if (missing.length === 0) return null;
  const text = `${missing.join(" and ")} on PATH`;
  if (process.env.CI === "true") throw new Error(`CI=true and ${text} is missing`);
  return text;
}
