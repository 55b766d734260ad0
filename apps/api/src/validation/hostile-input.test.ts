import { describe, expect, it } from "vitest";
import { envelope, sampleApp } from "../../test/support";

const app = sampleApp({ MARKET_DATA_SOURCE: "sample" });

async function expect422(query: string, path: string): Promise<void> {
  const res = await app.request(`/features?${query}`);
  expect(res.status).toBe(422);
  expect(res.headers.get("x-request-id")).toBeTruthy();
  const text = await res.text();
  const body = JSON.parse(text) as {
    error: { code: string; message: string; details: { path: string; message: string }[] };
  };
  expect(body.error.code).toBe("VALIDATION_ERROR");
  expect(body.error.details.map((d) => d.path)).toContain(path);
  // No stack trace, file path or echo of the hostile value.
  expect(text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/work\/|etc\/passwd/);
  expect(text).not.toContain(String.fromCharCode(0));
}

describe("hostile symbols answer 422 VALIDATION_ERROR", () => {
  const symbols: Array<[string, string]> = [
    ["empty", ""],
    ["21 characters", "A".repeat(21)],
    ["path traversal", "../../etc/passwd"],
    ["URL-encoded slashes and dots", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"],
    ["double-encoded traversal", "%252e%252e%252f"],
    ["NUL byte", "AAPL%00"],
    ["Cyrillic look-alike", encodeURIComponent("АAPL")],
    ["fullwidth letters", encodeURIComponent("ＡＡＰＬ")],
    ["zero-width space", encodeURIComponent("AA\u200bPL")],
    ["SQL injection", encodeURIComponent("AAPL' OR '1'='1")],
    ["shell metacharacters", encodeURIComponent("AAPL;rm -rf /")],
    ["command substitution", encodeURIComponent("$(id)")],
    ["spaces", "AA%20PL"],
    ["newline", "AAPL%0A"],
  ];
  it.each(symbols)("%s", async (_name, symbol) => {
    await expect422(`symbol=${symbol}&lookback=5`, "symbol");
  });

  it("missing symbol", async () => {
    const res = await app.request("/features?lookback=5");
    expect((await envelope(res)).details).toEqual([
      { path: "symbol", message: "symbol is required" },
    ]);
  });

  it("repeated symbol keys", async () => {
    await expect422("symbol=AAPL&symbol=MSFT&lookback=5", "symbol");
  });
});

describe("hostile lookbacks answer 422 VALIDATION_ERROR", () => {
  const lookbacks: Array<[string, string]> = [
    ["negative", "-5"],
    ["zero", "0"],
    ["one (below the minimum of 2)", "1"],
    ["above the maximum of 250", "251"],
    ["huge", "99999999999999999999999"],
    ["fractional", "5.5"],
    ["trailing dot", "5."],
    ["exponent", "1e2"],
    ["hex", "0x10"],
    ["non-numeric", "abc"],
    ["empty", ""],
    ["leading space", "%205"],
    ["plus sign", "%2B5"],
    ["Infinity", "Infinity"],
    ["NaN", "NaN"],
    ["Arabic-Indic digits", encodeURIComponent("٥")],
  ];
  it.each(lookbacks)("%s", async (_name, lookback) => {
    await expect422(`symbol=AAPL&lookback=${lookback}`, "lookback");
  });

  it("repeated lookback keys, with a message saying so", async () => {
    const res = await app.request("/features?symbol=AAPL&lookback=5&lookback=6");
    expect(res.status).toBe(422);
    expect((await envelope(res)).details).toEqual([
      { path: "lookback", message: "lookback must be given exactly once" },
    ]);
  });

  it("bad limit values", async () => {
    for (const limit of ["0", "1001", "-1", "2.5", "x"]) {
      await expect422(`symbol=AAPL&lookback=5&limit=${limit}`, "limit");
    }
  });

  it("reports every problem at once", async () => {
    const res = await app.request("/features?symbol=&lookback=0");
    const paths = ((await envelope(res)).details ?? []).map((d) => d.path).sort();
    expect(paths).toEqual(["lookback", "symbol"]);
  });
});

describe("valid edge values are accepted", () => {
  it.each(["a", "BRK.B", "brk-b", "X_Y", "A".repeat(20)])("symbol %s", async (symbol) => {
    const res = await app.request(`/features?symbol=${symbol}&lookback=2&limit=1`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { symbol: string }).symbol).toBe(symbol.toUpperCase());
  });

  it.each(["2", "250", "007"])("lookback %s", async (lookback) => {
    const res = await app.request(`/features?symbol=AAPL&lookback=${lookback}&limit=1`);
    expect(res.status).toBe(200);
  });
});
