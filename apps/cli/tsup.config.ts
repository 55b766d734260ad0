import { copyFile } from "node:fs/promises";
import { defineConfig } from "tsup";
import { appBuild } from "../../tsup.shared";

// `mle report` fills the web UI's single-file page; the CLI ships a copy in its dist so a
// published or deployed CLI needs no UI build next to it. `ui` is a devDependency, so turbo
// builds it first.
const REPORT_TEMPLATE = new URL("../ui/dist/report-template.html", import.meta.url);

export default defineConfig({
  ...appBuild(["src/index.ts", "src/bin.ts"], "src/index.ts"),
  onSuccess: async () => {
    await copyFile(REPORT_TEMPLATE, new URL("./dist/report-template.html", import.meta.url));
  },
});
