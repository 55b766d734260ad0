/**
 * Bad training configs and bad data, through the built `mle` binary: each fails with one clear
 * line on stderr (code, message, hint; no stack), exit 2 for usage/config errors and 1 for data
 * errors, and creates no version. All cases run as concurrent processes.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProcessResult, runMle, tinyConfig } from "./support/cli";
import { candlesCsv } from "./support/csv";
import { tempDir } from "./support/temp";

interface Case {
  readonly name: string;
  /** YAML text of the config (a registry_dir is added by tinyConfig when `extra` is used). */
  readonly config: (registryDir: string) => string;
  readonly env?: Record<string, string>;
  readonly exit: 1 | 2;
  readonly code: string;
  /** What the one-line message must mention. */
  readonly mentions: RegExp;
}

let base: { dir: string; cleanup: () => Promise<void> };
const results = new Map<string, { r: ProcessResult; registryDir: string }>();

const CASES: readonly Case[] = [
  {
    name: "an empty CSV file",
    config: (d) => tinyConfig(d),
    env: { MARKET_DATA_SOURCE: "csv" },
    exit: 1,
    code: "INSUFFICIENT_DATA",
    mentions: /AAPL\.csv/,
  },
  {
    name: "a CSV with a bad row",
    config: (d) => tinyConfig(d),
    env: { MARKET_DATA_SOURCE: "csv" },
    exit: 1,
    code: "UPSTREAM_BAD_RESPONSE",
    mentions: /AAPL\.csv.*line 51|line 51.*AAPL\.csv/,
  },
  {
    name: "a symbol with too little history",
    config: (d) => tinyConfig(d),
    env: { MARKET_DATA_SOURCE: "csv" },
    exit: 1,
    code: "INSUFFICIENT_DATA",
    mentions: /AAPL/,
  },
  {
    name: "a symbol the source does not have",
    config: (d) => tinyConfig(d, { symbols: ["AAPL", "NOPE"] }),
    env: { MARKET_DATA_SOURCE: "csv" },
    exit: 1,
    code: "SYMBOL_NOT_FOUND",
    mentions: /NOPE/,
  },
  {
    name: "an unknown config key",
    config: (d) => tinyConfig(d, { lookbak: 5 }),
    exit: 2,
    code: "CONFIG_INVALID",
    mentions: /lookbak/,
  },
  {
    name: "a path-traversal symbol",
    config: (d) => tinyConfig(d, { symbols: ["../etc/passwd"] }),
    exit: 2,
    code: "CONFIG_INVALID",
    mentions: /symbols/,
  },
  {
    name: "a file that is not YAML",
    config: () => "symbols: [AAPL\n  : : :\n",
    exit: 2,
    code: "CONFIG_PARSE_ERROR",
    mentions: /yaml/i,
  },
  {
    name: "a bad MARKET_DATA_SOURCE",
    config: (d) => tinyConfig(d),
    env: { MARKET_DATA_SOURCE: "ftp" },
    exit: 2,
    code: "CONFIG_ERROR",
    mentions: /MARKET_DATA_SOURCE/,
  },
];

beforeAll(async () => {
  base = await tempDir();
  const sample = createSampleSource();
  const msft = candlesCsv(await sample.getCandles("MSFT", { limit: 200 }));
  const aapl = candlesCsv(await sample.getCandles("AAPL", { limit: 200 }));
  const csvFolders: Record<string, string> = {
    "an empty CSV file": "",
    "a CSV with a bad row": aapl
      .split("\n")
      .map((line, i) => (i === 50 ? line.replace(/,[^,]+,([^,]+)$/, ",not-a-number,$1") : line))
      .join("\n"),
    "a symbol with too little history": candlesCsv(await sample.getCandles("AAPL", { limit: 30 })),
    "a symbol the source does not have": aapl,
  };
  await Promise.all(
    CASES.map(async (c, i) => {
      const registryDir = path.join(base.dir, `models-${i}`);
      const configPath = path.join(base.dir, `config-${i}.yaml`);
      await writeFile(configPath, c.config(registryDir));
      const env = { ...c.env };
      if (env.MARKET_DATA_SOURCE === "csv") {
        const dir = path.join(base.dir, `csv-${i}`);
        await mkdir(dir);
        await writeFile(path.join(dir, "AAPL.csv"), csvFolders[c.name] ?? aapl);
        await writeFile(path.join(dir, "MSFT.csv"), msft);
        env.MARKET_DATA_CSV_DIR = dir;
      }
      const r = await runMle(["train", "--config", configPath], { cwd: base.dir, env });
      results.set(c.name, { r, registryDir });
    }),
  );
});

afterAll(async () => {
  await base?.cleanup();
});

describe("mle train (built binary) with bad configs and data: one clear line, exit 1 or 2, no version", () => {
  for (const c of CASES) {
    it(`${c.name} → exit ${c.exit}, error [${c.code}]`, async () => {
      const got = results.get(c.name);
      expect(got).toBeDefined();
      const { r, registryDir } = got as { r: ProcessResult; registryDir: string };
      expect(r.code, r.stderr).toBe(c.exit);
      expect(r.stdout).toBe("");
      const [first, ...rest] = r.stderr.trim().split("\n");
      expect(first).toMatch(new RegExp(`^error \\[${c.code}\\]: `));
      expect(first).toMatch(c.mentions);
      expect(rest.every((line) => line.startsWith("hint: "))).toBe(true);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      if (existsSync(registryDir))
        expect(await createRegistry({ dir: registryDir }).list()).toEqual([]);
    });
  }
});
