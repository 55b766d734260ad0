/** Figures a scale-out test measured, merged into bench/results/scale-out.json when MLE_RECORD_FIGURES=1. */
import fs from "node:fs";
import path from "node:path";

const FILE = path.resolve(import.meta.dirname, "../../../../bench/results/scale-out.json");

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  if (process.env.MLE_RECORD_FIGURES !== "1") return;
  const all = fs.existsSync(FILE)
    ? (JSON.parse(fs.readFileSync(FILE, "utf8")) as Record<string, unknown>)
    : {};
  all[name] = { ...figures, recorded_at: new Date().toISOString(), node: process.version };
  fs.writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
}
