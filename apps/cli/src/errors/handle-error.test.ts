import { DatasetError } from "@mle/dataset";
import { FeatureError } from "@mle/features";
import { ConfigError, InsufficientDataError, UpstreamUnavailableError } from "@mle/market-client";
import { RegistryError } from "@mle/registry";
import { TrainerError } from "@mle/trainer";
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createBufferWriter } from "../util/io";
import { CliError } from "./cli-error";
import { handleError } from "./handle-error";

function run(error: unknown, verbose = false) {
  const stderr = createBufferWriter();
  const code = handleError(error, { stderr, verbose });
  return { code, text: stderr.text() };
}

describe("handleError", () => {
  it("exits 2 for a config error and names each key path on one line, with a hint", () => {
    const { code, text } = run(
      new CliError("CONFIG_INVALID", "configs/train.yaml is invalid", {
        issues: [
          { path: "cv.folds", message: "expected an integer >= 2" },
          { path: "split.foo", message: "unknown key" },
        ],
      }),
    );
    expect(code).toBe(2);
    const [first, second] = text.split("\n");
    expect(first).toBe(
      "error [CONFIG_INVALID]: configs/train.yaml is invalid: cv.folds: expected an integer >= 2; split.foo: unknown key",
    );
    expect(second).toMatch(/^hint: /);
  });

  it("exits 2 for commander usage errors without repeating commander's message", () => {
    const { code, text } = run(
      new CommanderError(1, "commander.unknownOption", "error: unknown option '--x'"),
    );
    expect(code).toBe(2);
    expect(text).toMatch(/^hint: /);
  });

  it("exits 1 for runtime failures of the market data source", () => {
    expect(run(new InsufficientDataError("AAPL", 1000, 10)).code).toBe(1);
    const down = run(new UpstreamUnavailableError("upstream unreachable", { attempts: 1 }));
    expect(down.code).toBe(1);
    expect(down.text).toMatch(/^error \[UPSTREAM_UNAVAILABLE\]: /);
  });

  it("exits 2 for library errors that mean bad input: env config, lookback, version names", () => {
    expect(
      run(new ConfigError("MARKET_DATA_SOURCE", "MARKET_DATA_SOURCE must be one of ...")).code,
    ).toBe(2);
    expect(run(new FeatureError("INVALID_LOOKBACK", "lookback must be >= 2")).code).toBe(2);
    expect(run(new RegistryError("INVALID_VERSION", "bad version")).code).toBe(2);
    expect(run(new RegistryError("MODEL_NOT_FOUND", "no v9")).code).toBe(1);
  });

  it("maps the registry's codes: bad names exit 2; missing aliases, conflicts, history and store failures exit 1", () => {
    const usage = ["INVALID_NAME", "INVALID_VERSION", "INVALID_ARGUMENT"] as const;
    const runtime = [
      "MODEL_NOT_FOUND",
      "ALIAS_NOT_FOUND",
      "ALIAS_CONFLICT",
      "NO_PREVIOUS_VERSION",
      "HISTORY_CORRUPT",
      "REGISTRY_UNAVAILABLE",
      "REGISTRY_IO",
    ] as const;
    for (const code of usage) expect(run(new RegistryError(code, "x")).code, code).toBe(2);
    for (const code of runtime) {
      const { code: exit, text } = run(
        new RegistryError(code, "one line", { cause: new Error("inner") }),
      );
      expect(exit, code).toBe(1);
      expect(text, code).toMatch(new RegExp(`^error \\[${code}\\]: one line\nhint: [^\n]+\n$`));
    }
    // A second loaded copy of the registry is matched by name; an unknown code is a runtime failure.
    const foreign = Object.assign(new Error("from the future"), {
      name: "RegistryError",
      code: "NEW_CODE",
    });
    expect(run(foreign).code).toBe(1);
  });

  it("exits 2 for a ZodError and names the path", () => {
    const result = z.strictObject({ port: z.number() }).safeParse({ port: "x" });
    const { code, text } = run(result.error);
    expect(code).toBe(2);
    expect(text).toMatch(/^error \[VALIDATION_ERROR\]: port: /);
  });

  it("exits 1 for any other error and for thrown non-errors", () => {
    expect(run(new Error("boom")).code).toBe(1);
    expect(run("a string").code).toBe(1);
  });

  it("prints the stack and causes only with verbose", () => {
    const error = new Error("outer", { cause: new Error("inner") });
    expect(run(error).text).toBe("error [INTERNAL_ERROR]: outer\n");
    const verbose = run(error, true).text;
    expect(verbose).toMatch(/at .*handle-error\.test/);
    expect(verbose).toMatch(/caused by: Error: inner/);
  });

  it("keeps the message on one line", () => {
    expect(run(new Error("line one\nline two")).text).toBe(
      "error [INTERNAL_ERROR]: line one line two\n",
    );
  });
});

describe("handleError with trainer and dataset errors", () => {
  it("exits 1 for too few rows and 2 for invalid trainer options", () => {
    expect(run(new TrainerError("INSUFFICIENT_ROWS", "too few rows")).code).toBe(1);
    expect(run(new TrainerError("INVALID_OPTIONS", "folds must be >= 2")).code).toBe(2);
    const ds = run(new DatasetError("INSUFFICIENT_DATA", "AAPL has 3 candles"));
    expect(ds.code).toBe(1);
    expect(ds.text).toMatch(/^error \[INSUFFICIENT_DATA\]: AAPL has 3 candles\nhint: /);
  });
});
