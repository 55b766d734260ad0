import { defineConfig } from "vite";

// Relative asset URLs: the same build works at /ui/ behind any path prefix and inlined into a
// report file. One chunk (no code splitting), so the report inliner has one script to embed.
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: false,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
