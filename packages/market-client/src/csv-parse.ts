import type { Candle } from "./candle";
import { FieldProblem, type ParsedCandle, parseCandleFields, sortAndDedupe } from "./candle-fields";
import { UpstreamBadResponseError } from "./errors";

/** Accepted header names (lower-cased) of each field. `Adj Close` and any other column are ignored. */
const HEADER_ALIASES = {
  timestamp: ["date", "timestamp", "datetime", "time"],
  open: ["open"],
  high: ["high"],
  low: ["low"],
  close: ["close"],
  volume: ["volume"],
} as const;

type Field = keyof typeof HEADER_ALIASES;

/** Splits one CSV line; supports double-quoted fields with `""` escapes (no newlines inside quotes). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function columnsOf(header: string[], file: string): Record<Field, number> {
  const lower = header.map((h) => h.toLowerCase());
  const columns = {} as Record<Field, number>;
  for (const field of Object.keys(HEADER_ALIASES) as Field[]) {
    const at = lower.findIndex((h) => (HEADER_ALIASES[field] as readonly string[]).includes(h));
    if (at < 0) {
      throw new UpstreamBadResponseError(
        `${file} line 1: no "${field}" column; expected a header like "Date,Open,High,Low,Close,Adj Close,Volume" or "timestamp,open,high,low,close,volume"`,
        { line: 1, field },
      );
    }
    columns[field] = at;
  }
  return columns;
}

/**
 * Parses the text of one candle CSV file (Yahoo-Finance style or plain header). Blank lines are skipped;
 * rows are validated like upstream candles and sorted oldest first.
 *
 * @throws UpstreamBadResponseError naming the file, the 1-based line and the field of the first bad row.
 * @example
 * ```ts
 * parseCandleCsv("timestamp,open,high,low,close,volume\n2024-01-02,1,2,1,2,10\n", "X.csv");
 * ```
 */
export function parseCandleCsv(text: string, file: string): Candle[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== "");
  if (headerAt < 0) return [];
  const columns = columnsOf(splitCsvLine(lines[headerAt]!), file);
  const parsed: ParsedCandle[] = [];
  const lineOf: number[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === "") continue;
    const cells = splitCsvLine(lines[i]!);
    const cell = (field: Field): string | undefined => cells[columns[field]];
    try {
      parsed.push(
        parseCandleFields({
          timestamp: cell("timestamp"),
          open: cell("open"),
          high: cell("high"),
          low: cell("low"),
          close: cell("close"),
          volume: cell("volume"),
        }),
      );
      lineOf.push(i + 1);
    } catch (e) {
      if (!(e instanceof FieldProblem)) throw e;
      throw new UpstreamBadResponseError(
        `${file} line ${i + 1}, field "${e.field}": ${e.problem}`,
        {
          line: i + 1,
          field: e.field,
        },
      );
    }
  }
  const result = sortAndDedupe(parsed);
  if ("conflict" in result) {
    const later = lineOf[result.conflict.later]!;
    const earlier = lineOf[result.conflict.earlier]!;
    throw new UpstreamBadResponseError(
      `${file} line ${later}, field "timestamp": same timestamp as line ${earlier} with different values`,
      { line: later, field: "timestamp" },
    );
  }
  return result.candles;
}
