import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "market-client",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The build machine is shared; a slow moment must not fail a correct test (no test asserts on time).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
