/**
 * The library must run in a browser: bundling src/index.ts for `platform: "browser"` with nothing
 * external has to succeed, pull in no file outside src/, and the bundle must compute features when
 * evaluated in a bare JavaScript context (no process, require, Buffer or other Node globals).
 */
import { resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { computeFeatures, type FeatureTable } from "../src/index";

const pkgDir = resolve(import.meta.dirname, "..");

describe("browser bundle of @mle/features", { timeout: 60_000 }, () => {
  it("bundles for the browser with no externals and computes features in a bare JS context", async () => {
    const result = await build({
      entryPoints: [resolve(pkgDir, "src/index.ts")],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "mleFeatures",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.every((f) => f.startsWith("src/") && !f.includes(".test."))).toBe(true);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\brequire\(|["']node:/);

    const closes = [50, 51, 49.5, 52, 53.25, 52.75, 54];
    const sandbox: Record<string, unknown> = { closes, result: undefined };
    runInNewContext(
      `${code}\nresult = mleFeatures.computeFeatures(closes, { lookback: 3, features: ["moving_average", "rolling_volatility"] });`,
      sandbox,
    );
    const got = sandbox.result as FeatureTable<"moving_average" | "rolling_volatility">;
    const want = computeFeatures(closes, {
      lookback: 3,
      features: ["moving_average", "rolling_volatility"],
    });
    expect(got.offset).toBe(want.offset);
    expect(Array.from(got.values.moving_average)).toEqual(Array.from(want.values.moving_average));
    expect(Array.from(got.values.rolling_volatility)).toEqual(
      Array.from(want.values.rolling_volatility),
    );
  });
});
