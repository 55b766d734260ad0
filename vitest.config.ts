import { defineConfig } from "vitest/config";

// Lets `pnpm exec vitest` at the root run every suite; `pnpm test` runs them through turbo.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tests"],
  },
});
