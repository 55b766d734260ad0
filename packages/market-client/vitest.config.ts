import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "market-client",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
