import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  sourcemap: true,
  target: "node20",
  platform: "node",
  format: ["esm", "cjs"],
  dts: true,
});
