import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "features",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Long-series accuracy tests take well under a second alone, but the machine is shared:
    // a generous timeout keeps a busy moment from failing a correct test.
    testTimeout: 30_000,
  },
});
