import { defineConfig } from "tsup";
import { appBuild } from "../../tsup.shared";

export default defineConfig(appBuild(["src/index.ts", "src/server.ts"], "src/index.ts"));
