import { describe, expect, it } from "vitest";
import { classifyS3Error, isConditionFailed, isNotFound, toRegistryError } from "./s3-errors";

const service = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
const network = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
const ctx = { location: "s3://models/prod", bucket: "models" };

describe("S3 error classification", () => {
  it("tells a missing object from a missing bucket", () => {
    expect(isNotFound(service("NoSuchKey", 404))).toBe(true);
    expect(isNotFound(service("NotFound", 404))).toBe(true);
    expect(isNotFound(service("NoSuchBucket", 404))).toBe(false);
    expect(isNotFound(network("ECONNREFUSED"))).toBe(false);
  });

  it("reads 412 PreconditionFailed and 409 ConditionalRequestConflict as a lost condition", () => {
    expect(isConditionFailed(service("PreconditionFailed", 412))).toBe(true);
    expect(isConditionFailed(service("ConditionalRequestConflict", 409))).toBe(true);
    expect(isConditionFailed(service("AccessDenied", 403))).toBe(false);
  });

  it.each([
    [network("ECONNREFUSED"), "ECONNREFUSED"],
    [network("ECONNRESET"), "ECONNRESET"],
    [network("ENOTFOUND"), "ENOTFOUND"],
    [Object.assign(new Error("slow"), { name: "TimeoutError" }), "timed out"],
    [service("Unknown", 503), "HTTP 503"],
    [service("SlowDown", 503), "HTTP 503 SlowDown"],
    [service("InternalError", 500), "HTTP 500 InternalError"],
  ])("calls %s unavailable (%s)", (error, reason) => {
    expect(classifyS3Error(error)).toEqual({ kind: "unavailable", reason });
    const wrapped = toRegistryError(ctx, "reading v1", error);
    expect(wrapped.code).toBe("REGISTRY_UNAVAILABLE");
    expect(wrapped.message).toBe(
      `model registry store s3://models/prod is unreachable (${reason})`,
    );
    expect(wrapped.cause).toBe(error);
  });

  it("names the bucket when access is denied or it does not exist", () => {
    const denied = toRegistryError(ctx, "listing models", service("AccessDenied", 403));
    expect(denied.code).toBe("REGISTRY_IO");
    expect(denied.message).toBe(
      'model registry store s3://models/prod: access to bucket "models" was denied while listing models (AccessDenied); check the credentials and the bucket policy',
    );
    expect(toRegistryError(ctx, "x", service("InvalidAccessKeyId", 403)).message).toContain(
      "InvalidAccessKeyId",
    );
    const missing = toRegistryError(ctx, "listing models", service("NoSuchBucket", 404));
    expect(missing).toMatchObject({ code: "REGISTRY_IO" });
    expect(missing.message).toBe(
      'model registry store s3://models/prod: bucket "models" does not exist (NoSuchBucket)',
    );
  });

  it("reports any other failure as REGISTRY_IO with its S3 code, and passes a RegistryError through", () => {
    const other = toRegistryError(ctx, "moving alias active", service("InvalidRequest", 400));
    expect(other.message).toBe(
      "model registry store s3://models/prod: S3 failed while moving alias active (InvalidRequest, HTTP 400)",
    );
    expect(toRegistryError(ctx, "again", other)).toBe(other);
    expect(toRegistryError(ctx, "x", "a string").message).toContain("(unknown error)");
  });
});
