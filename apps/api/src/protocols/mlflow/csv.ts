/**
 * The small CSV reader `/invocations` needs: a header row of column names, then rows of numbers.
 * Fields may be double-quoted (`""` is a quote); rows end with LF or CRLF; a final newline is fine.
 * @module
 */

/** Header and rows of a CSV text, every field as written. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function parseLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/**
 * Splits CSV text into its header and rows (quoted fields cannot span lines: a feature row has
 * numbers only).
 *
 * @example
 * ```ts
 * parseCsv("close,ema\n1.5,1.4\n"); // { columns: ["close", "ema"], rows: [["1.5", "1.4"]] }
 * ```
 */
export function parseCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const [header, ...rest] = lines;
  return { columns: header === undefined ? [] : parseLine(header), rows: rest.map(parseLine) };
}
