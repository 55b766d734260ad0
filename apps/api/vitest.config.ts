import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "api",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    // Apps hold no global state (everything is injected), so test files can share one module
    // graph per worker: importing hono, zod and the packages once instead of once per file.
    isolate: false,
  },
});
