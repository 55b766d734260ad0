import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "inference",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
