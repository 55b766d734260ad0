import { defineConfig, type Options } from "tsup";

const shared: Options = {
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  sourcemap: true,
  target: "node20",
  platform: "node",
};

export default defineConfig([
  { ...shared, format: ["esm"], dts: true },
  // ky ships ESM only, and require(esm) is on by default only from Node 20.19; bundling ky into
  // the CommonJS build keeps `require("@mle/market-client")` working on every Node 20.
  { ...shared, format: ["cjs"], dts: true, noExternal: ["ky"] },
]);
