import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Registry } from "@mle/registry";
import { reportData } from "./report-data";
import { readReportTemplate, renderReport } from "./report-html";

/**
 * Writes the version page of `version` as one self-contained HTML file at `file` (absolute) and
 * returns its size in bytes.
 *
 * @example
 * await writeReport(registry, "v3", "/tmp/report.html", new Date());
 */
export async function writeReport(
  registry: Registry,
  version: string,
  file: string,
  now: Date,
): Promise<number> {
  const html = renderReport(await readReportTemplate(), await reportData(registry, version, now));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, html);
  return Buffer.byteLength(html);
}
