import { describe, expect, it } from "vitest";
import { resolveClientConfig } from "./client";

describe("resolveClientConfig", () => {
  it("defaults to us-east-1, virtual-hosted style, two attempts and 5 s timeouts", () => {
    const config = resolveClientConfig({}, {});
    expect(config).toMatchObject({ region: "us-east-1", forcePathStyle: false, maxAttempts: 2 });
    expect(config.endpoint).toBeUndefined();
    expect(config.requestHandler).toEqual({
      connectionTimeout: 5000,
      requestTimeout: 5000,
      throwOnRequestTimeout: true,
    });
  });

  it("takes the endpoint from AWS_ENDPOINT_URL_S3 before AWS_ENDPOINT_URL, and then uses path style", () => {
    const both = {
      AWS_ENDPOINT_URL_S3: "http://s3.local:9000",
      AWS_ENDPOINT_URL: "http://all.local",
    };
    expect(resolveClientConfig({}, both)).toMatchObject({
      endpoint: "http://s3.local:9000",
      forcePathStyle: true,
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
    expect(resolveClientConfig({}, { AWS_ENDPOINT_URL: "http://all.local" }).endpoint).toBe(
      "http://all.local",
    );
    expect(resolveClientConfig({}, { AWS_ENDPOINT_URL_S3: "" }).endpoint).toBeUndefined();
  });

  it("prefers explicit options over the environment", () => {
    const env = { AWS_REGION: "eu-west-1", AWS_ENDPOINT_URL_S3: "http://env.local" };
    const config = resolveClientConfig(
      {
        endpoint: "http://opt.local",
        region: "ap-south-1",
        forcePathStyle: false,
        requestTimeoutMs: 250,
      },
      env,
    );
    expect(config).toMatchObject({
      endpoint: "http://opt.local",
      region: "ap-south-1",
      forcePathStyle: false,
    });
    expect(config.requestHandler).toMatchObject({ requestTimeout: 250, connectionTimeout: 250 });
    expect(resolveClientConfig({}, env).region).toBe("eu-west-1");
  });

  it("passes explicit credentials and leaves the SDK's chain otherwise", () => {
    const credentials = { accessKeyId: "a", secretAccessKey: "b" };
    expect(resolveClientConfig({ credentials }, {}).credentials).toBe(credentials);
    expect("credentials" in resolveClientConfig({}, {})).toBe(false);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses a request timeout of %s",
    (ms) => {
      expect(() => resolveClientConfig({ requestTimeoutMs: ms }, {})).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" }),
      );
    },
  );
});
