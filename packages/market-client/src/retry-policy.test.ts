import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay, MAX_BACKOFF_MS, parseRetryAfter } from "./retry-policy";

describe("parseRetryAfter", () => {
  const now = Date.parse("2015-10-21T07:27:58Z");

  it("reads delta-seconds, including decimals", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter(" 0.25 ", now)).toBe(250);
  });

  it("reads an HTTP date relative to now and never goes negative", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(2000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("-3", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("doubles the jitter ceiling each retry", () => {
    expect(backoffDelay(0, 200, () => 0.5)).toBe(100);
    expect(backoffDelay(3, 200, () => 0.5)).toBe(800);
    expect(backoffDelay(3, 200, () => 0)).toBe(0);
  });

  it("stays within [0, min(cap, base * 2^retry)) for any random draw (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, base, u) => {
          const d = backoffDelay(retry, base, () => u);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(Math.max(1, Math.min(MAX_BACKOFF_MS, base * 2 ** retry)));
        },
      ),
    );
  });
});
