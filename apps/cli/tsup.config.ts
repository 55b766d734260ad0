import { copyFile } from "node:fs/promises";
import { defineConfig } from "tsup";

// `mle report` fills the web UI's single-file page; the CLI ships a copy in its dist so a
// published or deployed CLI needs no UI build next to it. `ui` is a devDependency, so turbo
// builds it first.
const REPORT_TEMPLATE = new URL("../ui/dist/report-template.html", import.meta.url);

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "node",
  onSuccess: async () => {
    await copyFile(REPORT_TEMPLATE, new URL("./dist/report-template.html", import.meta.url));
  },
});
