import { describe, expect, it } from "vitest";
import { formatS3Location, parseS3Location } from "./location";

describe("parseS3Location", () => {
  it.each([
    ["s3://models", { bucket: "models", prefix: "" }],
    ["s3://models/", { bucket: "models", prefix: "" }],
    ["s3://models/prod", { bucket: "models", prefix: "prod" }],
    ["s3://my.models-1/team/prod/", { bucket: "my.models-1", prefix: "team/prod" }],
  ])("splits %s into bucket and prefix", (location, expected) => {
    expect(parseS3Location(location)).toEqual(expected);
    expect(formatS3Location(expected)).toBe(location.replace(/\/$/, ""));
  });

  it.each([
    ["/srv/models", "expected s3://bucket or s3://bucket/prefix"],
    ["S3://models", "expected s3://bucket or s3://bucket/prefix"],
    ["s3://", "the bucket name is missing"],
    ["s3:///prefix", "the bucket name is missing"],
    ["s3://Models", "the bucket name must be"],
    ["s3://ab", "the bucket name must be"],
    ["s3://192.168.1.1", "the bucket name must be"],
    ["s3://a..b", "the bucket name must be"],
    ["s3://bucket/a//b", "empty, '.' or '..' segment"],
    ["s3://bucket/a/../b", "empty, '.' or '..' segment"],
    ["s3://bucket/a\nb", "control character"],
  ])("rejects %j with INVALID_ARGUMENT", (location, reason) => {
    expect(() => parseS3Location(location)).toThrow(reason);
    expect(() => parseS3Location(location)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it("does not echo a location that holds credentials", () => {
    const error = (() => {
      try {
        parseS3Location("s3://AKIAEXAMPLE:s3cr3t@bucket/prefix");
      } catch (e) {
        return e as Error;
      }
      throw new Error("accepted");
    })();
    expect(error.message).not.toContain("s3cr3t");
    expect(error.message).not.toContain("AKIAEXAMPLE");
  });

  it("rejects what is not a string", () => {
    expect(() => parseS3Location(42 as unknown as string)).toThrow("expected s3://bucket");
  });
});
