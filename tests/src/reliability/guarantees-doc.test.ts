/**
 * docs/guarantees.md points at tests; this keeps the pointers true: every test file it names
 * exists, and every test name it quotes (`("…")` after a file, "…" marking an elision) occurs in
 * one of the files named in the same bullet.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const DOC = readFileSync(path.join(ROOT, "docs/guarantees.md"), "utf8");

/** Bullets ("- …" plus their indented continuation lines), each joined into one line. */
function bullets(markdown: string): string[] {
  const out: string[] = [];
  for (const line of markdown.split("\n")) {
    if (line.startsWith("- ")) out.push(line.slice(2));
    else if (line.startsWith("  ") && out.length > 0) out[out.length - 1] += ` ${line.trim()}`;
  }
  return out;
}

const items = bullets(DOC).map((text) => ({
  text,
  files: [...text.matchAll(/`([\w./-]+\.test\.ts)`/g)].map((m) => m[1] as string),
  names: [...text.matchAll(/\("([^"]+)"/g)].map((m) => m[1] as string),
}));

describe("docs/guarantees.md", () => {
  it("names only test files that exist", () => {
    const files = items.flatMap((i) => i.files);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(existsSync(path.join(ROOT, f)), f).toBe(true);
  });

  it("quotes only test names that occur in the files of the same promise", () => {
    const quoted = items.filter((i) => i.names.length > 0);
    expect(quoted.length).toBeGreaterThan(8);
    for (const item of quoted) {
      const sources = item.files.map((f) => readFileSync(path.join(ROOT, f), "utf8"));
      for (const name of item.names) {
        const pieces = name
          .split("…")
          .map((p) => p.trim())
          .filter((p) => p.length > 0);
        const found = sources.some((src) => pieces.every((p) => src.includes(p)));
        expect(found, `"${name}" in ${item.files.join(", ")}`).toBe(true);
      }
    }
  });
});
