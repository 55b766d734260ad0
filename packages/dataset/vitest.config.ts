import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "dataset",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
