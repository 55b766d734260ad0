import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCsvSource } from "./csv-source";
import { isMarketDataError, UpstreamBadResponseError } from "./errors";

let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mle-csv-"));
  await writeFile(
    join(dir, "AAPL.csv"),
    [
      "Date,Open,High,Low,Close,Adj Close,Volume",
      "2024-01-03,184.22,185.88,183.43,184.25,183.52,58414500",
      "2024-01-02,187.15,188.44,183.89,185.64,184.90,82488700",
      "",
    ].join("\r\n"),
  );
  await writeFile(
    join(dir, "btc-usd.csv"),
    "timestamp,open,high,low,close,volume\n1704153600,100,110,90,105,0\n1704240000,105,106,100,101,12.5\n",
  );
  await writeFile(
    join(dir, "BAD.csv"),
    "timestamp,open,high,low,close,volume\n2024-01-02,1,2,1,2,3\n2024-01-03,1,2,1,abc,3\n",
  );
  await writeFile(
    join(dir, "HILO.csv"),
    "timestamp,open,high,low,close,volume\n2024-01-02,1,1,2,1,3\n",
  );
  await writeFile(join(dir, "NOHEAD.csv"), "when,o,h,l,c,v\n2024-01-02,1,2,1,2,3\n");
  await writeFile(join(dir, "EMPTY.csv"), "");
  await writeFile(join(dir, "HEADERONLY.csv"), "timestamp,open,high,low,close,volume\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(symbol: string): Promise<unknown> {
  try {
    await createCsvSource({ dir }).getCandles(symbol, { limit: 10 });
  } catch (e) {
    return e;
  }
  throw new Error(`expected ${symbol} to fail`);
}

describe("createCsvSource", () => {
  it("reads a Yahoo-style file, ignores Adj Close and sorts oldest first", async () => {
    const candles = await createCsvSource({ dir }).getCandles("aapl", { limit: 10 });
    expect(candles).toEqual([
      {
        timestamp: "2024-01-02T00:00:00.000Z",
        open: 187.15,
        high: 188.44,
        low: 183.89,
        close: 185.64,
        volume: 82488700,
      },
      {
        timestamp: "2024-01-03T00:00:00.000Z",
        open: 184.22,
        high: 185.88,
        low: 183.43,
        close: 184.25,
        volume: 58414500,
      },
    ]);
  });

  it("reads a plain file with epoch-second timestamps and a lower-case file name", async () => {
    const candles = await createCsvSource({ dir }).getCandles("BTC-USD", { limit: 1 });
    expect(candles).toEqual([
      {
        timestamp: "2024-01-03T00:00:00.000Z",
        open: 105,
        high: 106,
        low: 100,
        close: 101,
        volume: 12.5,
      },
    ]);
  });

  it("answers SYMBOL_NOT_FOUND when there is no file", async () => {
    expect(isMarketDataError(await failure("MSFT"), "SYMBOL_NOT_FOUND")).toBe(true);
  });

  it("names the line and field of a bad row", async () => {
    const err = await failure("BAD");
    expect(err).toBeInstanceOf(UpstreamBadResponseError);
    expect((err as UpstreamBadResponseError).line).toBe(3);
    expect((err as UpstreamBadResponseError).field).toBe("close");
    expect((err as Error).message).toBe(
      'BAD.csv line 3, field "close": expected a finite number, got "abc"',
    );
  });

  it("rejects high below low", async () => {
    expect((await failure("HILO")) as Error).toMatchObject({ line: 2, field: "high" });
  });

  it("rejects a header without the needed columns", async () => {
    expect((await failure("NOHEAD")) as Error).toMatchObject({
      code: "UPSTREAM_BAD_RESPONSE",
      line: 1,
    });
  });

  it("answers INSUFFICIENT_DATA for an empty file or a header alone", async () => {
    expect(isMarketDataError(await failure("EMPTY"), "INSUFFICIENT_DATA")).toBe(true);
    expect(isMarketDataError(await failure("HEADERONLY"), "INSUFFICIENT_DATA")).toBe(true);
  });

  it("answers CONFIG_ERROR naming the variable when the folder does not exist", async () => {
    const source = createCsvSource({ dir: join(dir, "missing") });
    await expect(source.getCandles("AAPL", { limit: 1 })).rejects.toMatchObject({
      code: "CONFIG_ERROR",
      variable: "MARKET_DATA_CSV_DIR",
    });
  });
});
