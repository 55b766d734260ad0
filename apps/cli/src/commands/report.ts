import { Command } from "commander";
import type { CliDeps } from "../deps";
import { writeReport } from "../report/write-report";
import { resolveUserPath } from "../util/paths";
import { addModelOptions, openModel, toJson } from "./models-shared";

/** Default report file for a version, in the directory the command was run from. */
export function defaultReportFile(version: string): string {
  return `report-${version}.html`;
}

interface ReportOptions {
  readonly out?: string;
  readonly model?: string;
  readonly registry?: string;
  readonly registryDir?: string;
  readonly json: boolean;
}

/**
 * `mle report <version> [--out report.html]`: the UI's version page for one version (lineage,
 * metrics, evaluation, plots) as one self-contained HTML file that opens without a network.
 *
 * @example
 * program.addCommand(createReportCommand(deps));
 */
export function createReportCommand(deps: CliDeps): Command {
  const command = new Command("report")
    .description("write a version's page (metrics, lineage, plots) as one self-contained HTML file")
    .argument("<version>", "version name (vN) or alias (active, champion, …)")
    .option(
      "-o, --out <file>",
      "output file, relative to the directory you ran the command from (default report-<version>.html)",
    );
  return addModelOptions(command).action(async (version: string, opts: ReportOptions) => {
    const registry = openModel(deps, opts);
    const resolved = await registry.resolve(version);
    const file = resolveUserPath(opts.out ?? defaultReportFile(resolved), deps.cwd);
    const bytes = await writeReport(registry, resolved, file, deps.now());
    deps.stdout.write(
      opts.json
        ? toJson({ version: resolved, file, bytes })
        : `wrote ${file} (${bytes} bytes) for ${resolved}\n`,
    );
  });
}
