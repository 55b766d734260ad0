/** A column of a text table: header and alignment. */
export interface Column {
  readonly header: string;
  readonly align?: "left" | "right";
}

/**
 * Renders rows as an aligned plain-text table (header, dashes, rows), two spaces between
 * columns, no trailing spaces.
 *
 * @example
 * renderTable([{ header: "version" }, { header: "rmse", align: "right" }], [["v1", "0.01"]]);
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => (r[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? "";
        const w = widths[i] ?? 0;
        return c.align === "right" ? cell.padStart(w) : cell.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w)))];
  for (const r of rows) out.push(line(r));
  return `${out.join("\n")}\n`;
}
