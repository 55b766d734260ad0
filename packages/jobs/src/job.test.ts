import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { JOB_ID_PATTERN, jobIdOf } from "./job";

describe("jobIdOf", () => {
  const spec = {
    config: { symbols: ["AAPL"], model: { type: "ridge", alpha: 1 }, lookback: 20 },
    source: { MARKET_DATA_SOURCE: "sample", MARKET_DATA_SEED: "42" },
    registry: "/tmp/registry",
  };

  it("is the same for the same content written in another key order", () => {
    const reordered = {
      registry: "/tmp/registry",
      source: { MARKET_DATA_SEED: "42", MARKET_DATA_SOURCE: "sample" },
      config: { lookback: 20, model: { alpha: 1, type: "ridge" }, symbols: ["AAPL"] },
    };
    expect(jobIdOf(reordered)).toBe(jobIdOf(spec));
    expect(jobIdOf(spec)).toMatch(JOB_ID_PATTERN);
  });

  it("changes with any input that changes the result", () => {
    const id = jobIdOf(spec);
    expect(jobIdOf({ ...spec, config: { ...spec.config, lookback: 21 } })).not.toBe(id);
    expect(jobIdOf({ ...spec, source: { ...spec.source, MARKET_DATA_SEED: "7" } })).not.toBe(id);
    expect(jobIdOf({ ...spec, registry: "s3://bucket/models" })).not.toBe(id);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: undefined, b: 2 }] })).toBe(
      '{"a":[{"b":2,"d":1}],"b":1}',
    );
  });
});
