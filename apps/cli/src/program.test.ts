import { describe, expect, it } from "vitest";
import { createTestCli } from "./testing/test-deps";

/** Help text with line wrapping undone, so needles do not depend on the terminal width. */
async function help(...args: string[]): Promise<string> {
  const run = await createTestCli({ cwd: process.cwd() }).run(...args, "--help");
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("");
  return run.stdout.replace(/\s+/g, " ");
}

describe("mle help", () => {
  it("train --help lists every option with its default", async () => {
    const text = await help("train");
    for (const needle of [
      '-c, --config <path> training config, relative to the directory you ran the command from (default: "configs/train.yaml")',
      "--symbols <list>",
      "--lookback <n> feature window (overrides `lookback`; default 20)",
      "--candles <n> history per symbol (overrides `candles`; default 1000)",
      "--features <list>",
      "default close,simple_return,moving_average,rolling_volatility",
      "--validation-fraction <x>",
      "default 0.2",
      "--folds <n>",
      "default 5",
      "--gap <n>",
      "default 0",
      "--alpha <x>",
      "default 1",
      "--seed <n>",
      "default 42",
      "--registry <location>",
      "default: MODEL_REGISTRY_URI, else MODEL_REGISTRY_DIR, else the config's registry, else artifacts/models",
      "--registry-dir <folder> alias of --registry",
      "--model-name <name>",
      "default default",
      "--activate",
      "default true",
      "--no-activate",
      "--json",
    ]) {
      expect(text).toContain(needle);
    }
  });

  it("every other command's help lists its options and defaults", async () => {
    const expectations: Array<[string[], string[]]> = [
      [
        ["models", "list"],
        ["--registry <location>", "--registry-dir <folder>", "--model <name>", "--all", "--json"],
      ],
      [
        ["models", "show"],
        ["<version>", "--model <name>", "--registry <location>", "--json"],
      ],
      [
        ["models", "activate"],
        ["<version>", "--model <name>", "--reason <text>", "--registry <location>", "--json"],
      ],
      [
        ["models", "prune"],
        ["--keep <n>", "--model <name>", "--registry <location>", "--json"],
      ],
      [
        ["models", "alias", "set"],
        ["<alias>", "<version>", "--reason <text>", "--model <name>", "--json"],
      ],
      [
        ["models", "alias", "list"],
        ["--model <name>", "--registry <location>", "--json"],
      ],
      [
        ["models", "history"],
        ["--alias <alias>", "--model <name>", "--json"],
      ],
      [
        ["models", "rollback"],
        ['--alias <alias> the alias to roll back (default: "active")', "--reason <text>"],
      ],
      [["predict"], ["--model <name>", "--model-version <version>", "--registry <location>"]],
      [["report"], ["--model <name>", "--registry <location>"]],
      [
        ["jobs", "submit"],
        ["--registry <location>", "--registry-dir <folder>"],
      ],
      [
        ["features"],
        [
          "--symbol <symbol>",
          "--lookback <n>",
          "(default: 20)",
          "--features <list>",
          "--limit <n>",
          "(default: 10)",
          "--json",
        ],
      ],
      [
        ["upstream", "serve"],
        [
          'default: "sample"',
          "--csv-dir <path>",
          "--port <n>",
          "(default: 9000)",
          '(default: "127.0.0.1")',
          "--latency-ms <n>",
          "--error-rate <x>",
          "--error-status <n>",
          "--malformed-rate <x>",
          "--schema-violation-rate <x>",
          "--drop-rate <x>",
          "--truncate-rate <x>",
          "--retry-after <s>",
        ],
      ],
    ];
    for (const [args, needles] of expectations) {
      const text = await help(...args);
      for (const needle of needles) expect(text, args.join(" ")).toContain(needle);
    }
  });
});

describe("mle usage errors", () => {
  const cases: string[][] = [
    ["train", "--bogus"],
    ["tarin"],
    ["train", "--lookback", "ten"],
    ["train", "--alpha", "x"],
    ["models"],
    ["models", "prune", "--keep", "1.5"],
    [],
  ];
  for (const args of cases) {
    it(`exits 2 for \`mle ${args.join(" ")}\` and writes nothing to stdout`, async () => {
      const run = await createTestCli({ cwd: process.cwd() }).run(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/hint: /);
    });
  }

  it("suggests the closest command for a typo", async () => {
    const run = await createTestCli({ cwd: process.cwd() }).run("tarin");
    expect(run.stderr).toMatch(/Did you mean train\?/);
  });

  it("accepts --verbose after the subcommand", async () => {
    const run = await createTestCli({ cwd: process.cwd() }).run(
      "train",
      "--config",
      "/nonexistent/x.yaml",
      "--verbose",
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});
