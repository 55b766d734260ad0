import { describe, expect, it } from "vitest";
import { parseCandleCsv, splitCsvLine } from "./csv-parse";

describe("splitCsvLine", () => {
  it("splits plain and double-quoted cells, with escaped quotes and commas inside quotes", () => {
    expect(splitCsvLine('a, "b,c" ,"say ""hi""",')).toEqual(["a", "b,c", 'say "hi"', ""]);
  });
});

describe("parseCandleCsv", () => {
  it("accepts a BOM, upper-case headers, reordered columns and quoted numbers", () => {
    const text = '\uFEFFVOLUME,CLOSE,LOW,HIGH,OPEN,DATE\n"1,000",2,1,2,1,2024-01-02\n';
    expect(() => parseCandleCsv(text, "X.csv")).toThrow('X.csv line 2, field "volume"');
    const ok = '\uFEFFVOLUME,CLOSE,LOW,HIGH,OPEN,DATE\n"1000",2,1,2,1,2024-01-02\n';
    expect(parseCandleCsv(ok, "X.csv")).toEqual([
      { timestamp: "2024-01-02T00:00:00.000Z", open: 1, high: 2, low: 1, close: 2, volume: 1000 },
    ]);
  });

  it("rejects Yahoo's null rows naming the line", () => {
    const text =
      "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,null,null,null,null,null,null\n";
    expect(() => parseCandleCsv(text, "Y.csv")).toThrow(
      'Y.csv line 2, field "open": expected a finite number, got "null"',
    );
  });

  it("names both lines of a conflicting duplicate date and drops exact duplicates", () => {
    const dup =
      "timestamp,open,high,low,close,volume\n2024-01-02,1,2,1,2,3\n2024-01-02,1,2,1,2,3\n";
    expect(parseCandleCsv(dup, "D.csv")).toHaveLength(1);
    const conflict =
      "timestamp,open,high,low,close,volume\n2024-01-02,1,2,1,2,3\n\n2024-01-02,1,2,1,2,4\n";
    expect(() => parseCandleCsv(conflict, "D.csv")).toThrow(
      'D.csv line 4, field "timestamp": same timestamp as line 2',
    );
  });
});
