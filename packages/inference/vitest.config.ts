import { createRequire } from "node:module";
import { dirname } from "node:path";
import { defineConfig } from "vitest/config";

// Tests build their fixture models with @mle/dataset, which is not a dependency of this package
// (serving never builds datasets). Resolve it through @mle/trainer, which depends on it, so the
// tests use the very copy the trainer uses without widening this package's dependency list.
const require = createRequire(import.meta.url);
const trainerDir = dirname(require.resolve("@mle/trainer/package.json"));
const datasetDir = dirname(createRequire(`${trainerDir}/`).resolve("@mle/dataset/package.json"));

export default defineConfig({
  resolve: { alias: { "@mle/dataset": datasetDir } },
  test: {
    name: "inference",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
