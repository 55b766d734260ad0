import type { Predictions, VersionDetails } from "./types";

/** The element `mle report` fills with {@link ReportData} as JSON. */
export const REPORT_DATA_ID = "mle-report-data";

/** What a report file embeds: the same JSON the API serves for the version and its predictions. */
export interface ReportData {
  readonly format: "mle.report";
  readonly generated_at: string;
  readonly model: string;
  readonly details: VersionDetails;
  readonly predictions: Predictions | null;
}

/** The embedded report data, or null on the live UI (no element, or the template's empty placeholder). */
export function readReportData(doc: Document): ReportData | null {
  const el = doc.getElementById(REPORT_DATA_ID);
  const text = el?.textContent?.trim() ?? "";
  if (text.length === 0 || !text.startsWith("{")) return null;
  const data = JSON.parse(text) as ReportData;
  return data.format === "mle.report" ? data : null;
}
