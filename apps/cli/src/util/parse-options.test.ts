import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { parsePort } from "./parse-options";

describe("parsePort", () => {
  it("accepts every integer from 0 to 65535", () => {
    expect(parsePort("0")).toBe(0);
    expect(parsePort("9000")).toBe(9000);
    expect(parsePort(" 65535 ")).toBe(65535);
  });

  it("rejects out-of-range, negative, fractional and non-numeric values as an invalid argument", () => {
    for (const bad of ["65536", "99999", "-1", "1.5", "80abc", "", "eighty"]) {
      expect(() => parsePort(bad)).toThrow(InvalidArgumentError);
    }
  });
});
