import { computeFeatureRows } from "@mle/features";
import { createSampleSource } from "@mle/market-client";
import { describe, expect, it } from "vitest";
import { createTestCli } from "../testing/test-deps";

describe("mle features", () => {
  it("computes the latest rows locally, identical to @mle/features on the same candles", async () => {
    const cli = createTestCli({ cwd: process.cwd() });
    const run = await cli.run(
      "features",
      "--symbol",
      "aapl",
      "--lookback",
      "20",
      "--limit",
      "3",
      "--json",
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const candles = await createSampleSource().getCandles("AAPL", { limit: 23 });
    const expected = computeFeatureRows(candles, {
      lookback: 20,
      features: ["close", "simple_return", "moving_average", "rolling_volatility"],
    });
    expect(out).toMatchObject({ symbol: "AAPL", lookback: 20, source: "sample" });
    expect(out.rows).toEqual(expected.slice(-3));
  });

  it("prints a table by default", async () => {
    const cli = createTestCli({ cwd: process.cwd() });
    const run = await cli.run("features", "-s", "MSFT", "--features", "close,rsi", "--limit", "2");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^timestamp\s+close\s+rsi$/);
    expect(run.stdout).toMatch(/MSFT: 2 rows, lookback 20, source sample/);
  });

  it("exits 2 for an invalid lookback, an unknown feature or a bad symbol, before fetching", async () => {
    const cli = createTestCli({ cwd: process.cwd() });
    expect((await cli.run("features", "-s", "AAPL", "--lookback", "1")).code).toBe(2);
    expect(
      (await cli.run("features", "-s", "AAPL", "--features", "close,macd_line")).stderr,
    ).toMatch(/UNKNOWN_FEATURE/);
    expect((await cli.run("features", "-s", "../etc")).code).toBe(2);
    expect((await cli.run("features", "-s", "AAPL", "--limit", "0")).code).toBe(2);
    expect((await cli.run("features", "-s", "AAPL", "--lookback", "abc")).code).toBe(2);
    expect(cli.fetches()).toBe(0);
  });

  it("computes parameterised columns with enough history for the recursive ones", async () => {
    const cli = createTestCli({ cwd: process.cwd() });
    const run = await cli.run(
      "features",
      "-s",
      "AAPL",
      "--features",
      "close,moving_average_50,rsi_14",
      "--limit",
      "2",
      "--json",
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.features).toEqual(["close", "moving_average_50", "rsi_14"]);
    // 2 rows + warm-up 49 + rsi's declared 20 × 14 candles of convergence history
    const candles = await createSampleSource().getCandles("AAPL", { limit: 2 + 49 + 280 });
    const expected = computeFeatureRows(candles, ["close", "moving_average_50", "rsi_14"]);
    expect(out.rows).toEqual(expected.slice(-2));
  });
});
