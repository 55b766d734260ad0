import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "trainer",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
