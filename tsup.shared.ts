/**
 * The one build policy of every published package: what `tsup` emits and for which runtime.
 * Each package's `tsup.config.ts` names only its entries (and what differs: the browser-safe
 * libraries build for `platform: "neutral"`, the apps ship ESM only).
 */
import type { Options } from "tsup";

/** A library: ESM + CJS with declarations for both, source maps, Node 20 syntax. */
export function libraryBuild(
  entry: NonNullable<Options["entry"]>,
  platform: "node" | "neutral" = "node",
): Options {
  return {
    entry,
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    platform,
  };
}

/** An app (`@mle/api`, `@mle/cli`): ESM only, declarations for its library entry. */
export function appBuild(entry: string[], dtsEntry: string): Options {
  return {
    entry,
    format: ["esm"],
    dts: { entry: dtsEntry },
    clean: true,
    sourcemap: true,
    target: "node20",
    platform: "node",
  };
}
