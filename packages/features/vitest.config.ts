import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "features",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
