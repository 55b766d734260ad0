/**
 * README examples that run, for the libraries in packages/*.
 *
 * Convention (keeps the READMEs plain Markdown, nothing to render away):
 * - Every ```ts / ```js fenced block under a package README's `## Usage` heading is a runnable
 *   example. A snippet that needs context it does not show is marked ```ts fragment and skipped.
 * - A ```text (or bare ```) block that comes next in the same section, with at most a short line
 *   of prose between ("prints", "Output:"), is what the example prints on stdout. Lines compare
 *   exactly after trimming trailing spaces; `…` in an expected line stands for any text (a port).
 *   stderr is not compared (progress logs go there).
 *
 * Each example is written into tests/node_modules/.readme-examples-<random>/ (so `@mle/*` resolves to the
 * workspace packages' built dist), type-checked with the repo's strict tsconfig, stripped of types
 * with esbuild and run with node from a fresh temporary working folder; it must exit 0.
 * Run `pnpm turbo run build --filter=e2e...` first; README_EXAMPLES_KEEP=1 keeps the generated files.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { transformSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIBRARIES } from "./support/libraries";

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, "../..");
// A folder per run, so two runs at once do not share files; node_modules keeps it out of git.
const workDir = fs.mkdtempSync(path.join(repo, "tests/node_modules/.readme-examples-"));
const PACKAGES = LIBRARIES;
const CODE_LANGS = new Set(["ts", "typescript", "js", "javascript", "mjs", "mts"]);

interface Block {
  readonly info: string;
  readonly body: string;
  readonly line: number;
  readonly section: string;
  /** Non-empty lines of prose between the previous block (or heading) and this one. */
  readonly proseBefore: number;
}

interface Example {
  readonly pkg: string;
  readonly line: number;
  readonly code: string;
  readonly output: string | undefined;
}

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  let section = "";
  let prose = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      const close = fence[1] ?? "```";
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").startsWith(close); i++)
        body.push(lines[i] ?? "");
      blocks.push({
        info: (fence[2] ?? "").trim(),
        body: `${body.join("\n")}\n`,
        line: start + 1,
        section,
        proseBefore: prose,
      });
      prose = 0;
    } else if (line.startsWith("## ")) {
      section = line.slice(3).trim();
      prose = 0;
    } else if (line.trim() !== "") {
      prose++;
    }
  }
  return blocks;
}

/** The runnable examples of one README, each with the output it claims, if any. */
function findExamples(pkg: string, markdown: string): Example[] {
  const blocks = parseBlocks(markdown);
  const examples: Example[] = [];
  blocks.forEach((block, i) => {
    const [lang = "", ...flags] = block.info.split(/\s+/);
    if (block.section !== "Usage" || !CODE_LANGS.has(lang) || flags.includes("fragment")) return;
    const next = blocks[i + 1];
    const isOutput =
      next !== undefined &&
      next.section === block.section &&
      (next.info === "" || next.info === "text") &&
      next.proseBefore <= 1;
    examples.push({
      pkg,
      line: block.line,
      code: block.body,
      output: isOutput ? next.body : undefined,
    });
  });
  return examples;
}

/** Compares printed text with a README's claim: line by line, `…` matching any text. */
function outputMatches(expected: string, actual: string): boolean {
  const lines = (s: string) =>
    s
      .replace(/\s+$/, "")
      .split("\n")
      .map((l) => l.trimEnd());
  const want = lines(expected);
  const got = lines(actual);
  if (want.length !== got.length) return false;
  return want.every((w, i) => {
    const pattern = w
      .split("…")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    return new RegExp(`^${pattern}$`).test(got[i] ?? "");
  });
}

const examples = PACKAGES.flatMap((pkg) =>
  findExamples(pkg, fs.readFileSync(path.join(repo, "packages", pkg, "README.md"), "utf8")),
);
const fileName = (e: Example) => `${e.pkg}-L${e.line}`;

beforeAll(() => {
  for (const e of examples) {
    fs.writeFileSync(path.join(workDir, `${fileName(e)}.mts`), e.code);
    const js = transformSync(e.code, {
      loader: "ts",
      format: "esm",
      target: "node20",
    }).code;
    fs.writeFileSync(path.join(workDir, `${fileName(e)}.mjs`), js);
  }
});

afterAll(() => {
  if (process.env.README_EXAMPLES_KEEP) console.log(`README examples kept in ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
});

describe("the README example convention", () => {
  it("finds a runnable Usage example in every library's README", () => {
    for (const pkg of PACKAGES)
      expect(examples.filter((e) => e.pkg === pkg).length, pkg).toBeGreaterThan(0);
  });

  it("reads the output block that follows an example and skips fragments", () => {
    const md =
      "## Usage\n\n```ts\nconsole.log(1);\n```\n\nprints\n\n```text\n1\n```\n\n```ts fragment\nx;\n```\n\n## API\n\n```ts\ny;\n```\n";
    expect(findExamples("p", md)).toEqual([
      { pkg: "p", line: 3, code: "console.log(1);\n", output: "1\n" },
    ]);
  });

  it("compares output line by line, with … as the only wildcard", () => {
    expect(outputMatches("a\nurl http://127.0.0.1:…/x\n", "a\nurl http://127.0.0.1:4242/x\n")).toBe(
      true,
    );
    expect(outputMatches("a\nb\n", "a\nc\n")).toBe(false);
    expect(outputMatches("a\n", "a\nb\n")).toBe(false);
    expect(outputMatches("a.b\n", "axb\n")).toBe(false);
  });
});

describe("README Usage examples", () => {
  it("type-check against the packages' declarations with the repo's strict settings", async () => {
    const tsconfig = {
      extends: path.join(repo, "tsconfig.base.json"),
      compilerOptions: { noEmit: true, module: "NodeNext", moduleResolution: "NodeNext" },
      files: examples.map((e) => `${fileName(e)}.mts`),
    };
    fs.writeFileSync(path.join(workDir, "tsconfig.json"), JSON.stringify(tsconfig));
    const tsc = path.join(repo, "tests/node_modules/typescript/bin/tsc");
    const result = await run(process.execPath, [tsc, "-p", workDir], {
      cwd: workDir,
      encoding: "utf8",
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? String(e) }));
    expect(result.stdout).toBe("");
  });

  for (const e of examples) {
    it(`packages/${e.pkg}/README.md line ${e.line} runs${e.output === undefined ? "" : " and prints what the README says"}`, async () => {
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "mle-readme-"));
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith("MARKET_DATA_")),
      );
      try {
        const { stdout } = await run(process.execPath, [path.join(workDir, `${fileName(e)}.mjs`)], {
          cwd,
          env,
          encoding: "utf8",
          timeout: 60_000,
        });
        if (e.output !== undefined && !outputMatches(e.output, stdout))
          expect(stdout).toBe(e.output);
      } finally {
        fs.rmSync(cwd, { recursive: true, force: true });
      }
    });
  }
});
