import { readFile } from "node:fs/promises";
import type { ReportData } from "./report-data";

/** The empty data element of the UI's report template (apps/ui/scripts/report-template.mjs). */
export const REPORT_PLACEHOLDER = '<script type="application/json" id="mle-report-data"></script>';

/** JSON that is safe inside a `<script>` element: no `<` (so no `</script>`), no U+2028/2029. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Fills the report template with a version's data: one self-contained HTML file (inline script,
 * styles and data, a CSP that forbids every network request).
 *
 * @example
 * const html = renderReport(await readReportTemplate(), await reportData(registry, "v3", new Date()));
 */
export function renderReport(template: string, data: ReportData): string {
  const at = template.indexOf(REPORT_PLACEHOLDER);
  if (at < 0)
    throw new Error("the report template has no data placeholder; rebuild the UI (pnpm build)");
  const filled = REPORT_PLACEHOLDER.replace("></script>", `>${scriptSafeJson(data)}</script>`);
  return template.slice(0, at) + filled + template.slice(at + REPORT_PLACEHOLDER.length);
}

/**
 * The template copied into the CLI's dist at build time (tsup.config.ts), found next to the
 * built code, or in dist when running from source (tests).
 */
export async function readReportTemplate(): Promise<string> {
  const candidates = [
    new URL("./report-template.html", import.meta.url),
    new URL("../../dist/report-template.html", import.meta.url),
  ];
  for (const url of candidates) {
    try {
      return await readFile(url, "utf8");
    } catch {
      // try the next location
    }
  }
  throw new Error(
    "the report template (report-template.html) is missing from the CLI build; run pnpm build",
  );
}
