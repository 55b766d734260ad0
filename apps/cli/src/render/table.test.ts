import { describe, expect, it } from "vitest";
import { formatMeanStd, formatNumber, formatPercent } from "./format";
import { createProgress, progressEnabled } from "./progress";
import { renderTable } from "./table";
import { createBufferWriter } from "../util/io";

describe("renderTable", () => {
  it("aligns columns, right-aligns numbers and trims trailing spaces", () => {
    const text = renderTable(
      [{ header: "version" }, { header: "rmse", align: "right" }, { header: "note" }],
      [
        ["v1", "0.5", ""],
        ["v10", "12.25", "x"],
      ],
    );
    expect(text).toBe(
      [
        "version   rmse  note",
        "-------  -----  ----",
        "v1         0.5",
        "v10      12.25  x",
        "",
      ].join("\n"),
    );
  });
});

describe("format", () => {
  it("formats numbers, percentages and mean ± std, with - for missing values", () => {
    expect(formatNumber(0.0123456789)).toBe("0.0123457");
    expect(formatNumber(Number.NaN)).toBe("-");
    expect(formatNumber(null)).toBe("-");
    expect(formatPercent(0.5412)).toBe("54.1%");
    expect(formatMeanStd(0.5, 0.01, formatPercent)).toBe("50.0% ± 1.0%");
  });
});

describe("progress", () => {
  it("shows only on a terminal outside CI", () => {
    expect(progressEnabled(createBufferWriter({ isTTY: true }), {})).toBe(true);
    expect(progressEnabled(createBufferWriter({ isTTY: true }), { CI: "true" })).toBe(false);
    expect(progressEnabled(createBufferWriter({ isTTY: true }), { CI: "false" })).toBe(true);
    expect(progressEnabled(createBufferWriter({ isTTY: false }), {})).toBe(false);
  });

  it("writes steps only when enabled", () => {
    const on = createBufferWriter();
    createProgress(on, true).step("fetching AAPL");
    expect(on.text()).toBe("› fetching AAPL\n");
    const off = createBufferWriter();
    createProgress(off, false).step("fetching AAPL");
    expect(off.text()).toBe("");
  });
});
