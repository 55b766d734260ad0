import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRegistryError } from "./errors";
import { isVersionName, versionName, versionNumber } from "./version";

describe("version names", () => {
  it("accepts v followed by a positive number without leading zeros", () => {
    for (const ok of ["v1", "v9", "v10", "v123", "v999999999"])
      expect(isVersionName(ok)).toBe(true);
  });

  it("rejects traversal, encoded, absolute, zero, zero-padded and over-long names", () => {
    const bad = [
      "",
      "v",
      "v0",
      "v01",
      "V1",
      "1",
      "../x",
      "../v1",
      "v1/../../etc",
      "v1/",
      "%2e%2e%2f",
      "v1%2f..",
      "/etc/passwd",
      "/v1",
      "v1\0",
      "v1 ",
      " v1",
      "v1\n",
      "v１",
      "v1000000000",
      `v${"9".repeat(400)}`,
      "v-1",
      "v1.5",
      "v1e3",
    ];
    for (const name of bad) expect(isVersionName(name), JSON.stringify(name)).toBe(false);
  });

  it("rejects non-strings", () => {
    for (const x of [1, null, undefined, {}, ["v1"]]) expect(isVersionName(x)).toBe(false);
  });

  it("versionNumber parses valid names and throws INVALID_VERSION otherwise", () => {
    expect(versionNumber("v42")).toBe(42);
    expect(() => versionNumber("v01")).toThrow(/invalid version "v01"/);
    try {
      versionNumber("../../etc/passwd");
      expect.unreachable();
    } catch (e) {
      expect(isRegistryError(e, "INVALID_VERSION")).toBe(true);
    }
  });

  it("versionName round-trips and refuses numbers outside the range", () => {
    expect(versionName(7)).toBe("v7");
    expect(versionNumber(versionName(123456789))).toBe(123456789);
    expect(() => versionName(0)).toThrow(/out of range/);
    expect(() => versionName(1e9)).toThrow(/out of range/);
    expect(() => versionName(1.5)).toThrow(/out of range/);
  });

  it("for any string: valid names round-trip exactly and contain only v and digits", () => {
    const candidates = fc.oneof(
      fc.string(),
      fc.stringMatching(/^v[0-9]{0,12}$/),
      fc.constantFrom("v1/../x", "%2e%2e%2f", "/v1", "v1\0"),
    );
    fc.assert(
      fc.property(candidates, (s) => {
        if (!isVersionName(s)) {
          expect(() => versionNumber(s)).toThrow(/invalid version/);
          return;
        }
        expect(s).toMatch(/^v[1-9][0-9]{0,8}$/);
        expect(versionName(versionNumber(s))).toBe(s);
      }),
    );
  });
});
