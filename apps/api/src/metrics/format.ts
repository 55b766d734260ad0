/** Escapes a label value for the Prometheus text format (backslash, double quote, newline). */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Escapes HELP text (backslash and newline). */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** Formats a sample value: integers plainly, non-finite values as Prometheus spells them. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

/** Renders `{a="1",b="2"}` (empty string when there are no labels). */
export function formatLabels(names: readonly string[], values: readonly string[]): string {
  if (names.length === 0) return "";
  const parts = names.map((name, i) => `${name}="${escapeLabelValue(values[i] ?? "")}"`);
  return `{${parts.join(",")}}`;
}
