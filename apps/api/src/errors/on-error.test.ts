import { InferenceErrorCode } from "@mle/inference";
import { MarketDataError, MarketDataErrorCode } from "@mle/market-client";
import { RegistryError } from "@mle/registry";
import { describe, expect, it } from "vitest";
import { captureLogger, envelope, failingSource, sampleApp } from "../../test/support";
import { ApiError } from "./api-error";
import { scrubMessage } from "./public-error";
import { ERROR_STATUS } from "./status-map";

const FEATURES = "/features?symbol=AAPL&lookback=5";

describe("onError", () => {
  const marketCodes = [
    ["SYMBOL_NOT_FOUND", 404],
    ["INSUFFICIENT_DATA", 422],
    ["UPSTREAM_BAD_RESPONSE", 502],
    ["UPSTREAM_UNAVAILABLE", 503],
    ["UPSTREAM_TIMEOUT", 504],
    ["INVALID_SYMBOL", 422],
  ] as const;
  it.each(marketCodes)("maps MarketDataError %s to %i with the envelope", async (code, status) => {
    const app = sampleApp({}, { source: failingSource(new MarketDataError(code, `boom ${code}`)) });
    const res = await app.request(FEATURES);
    expect(res.status).toBe(status);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect((await envelope(res)).code).toBe(code);
  });

  const registryCodes = [
    ["MODEL_NOT_FOUND", 404],
    ["NO_ACTIVE_MODEL", 503],
    ["MODEL_CORRUPT", 503],
    ["INVALID_VERSION", 422],
    ["REGISTRY_IO", 503],
  ] as const;
  it.each(registryCodes)("maps RegistryError %s to %i", async (code, status) => {
    const app = sampleApp(
      {},
      { source: failingSource(new RegistryError(code, "registry says no")) },
    );
    const res = await app.request(FEATURES);
    expect(res.status).toBe(status);
    expect((await envelope(res)).code).toBe(code);
  });

  it("uses the status of the status map for every mapped code", () => {
    for (const [code, status] of [...marketCodes, ...registryCodes]) {
      expect(ERROR_STATUS[code]).toBe(status);
    }
  });

  // Moved from @mle/inference (which no longer maps statuses): the one table covers every code the
  // predictor can surface; CONFIG_ERROR is a start-up failure and answers 500 INTERNAL_ERROR.
  it.each(Object.values(InferenceErrorCode))("has a status for the inference code %s", (code) => {
    expect(ERROR_STATUS[code]).toBeTypeOf("number");
  });

  it.each(Object.values(MarketDataErrorCode).filter((c) => c !== "CONFIG_ERROR"))(
    "has a status for the market-data code %s",
    (code) => {
      expect(ERROR_STATUS[code]).toBeTypeOf("number");
    },
  );

  it("maps the registry codes REGISTRY_IO and INVALID_VERSION to 503 and 422", () => {
    expect(ERROR_STATUS.REGISTRY_IO).toBe(503);
    expect(ERROR_STATUS.INVALID_VERSION).toBe(422);
  });

  it("hides the upstream URL and file paths that a domain message may carry", async () => {
    const error = new MarketDataError(
      "UPSTREAM_UNAVAILABLE",
      "GET http://10.0.0.7:9000/candles?symbol=AAPL failed (/srv/secret/path.json)",
    );
    const res = await sampleApp({}, { source: failingSource(error) }).request(FEATURES);
    const text = await res.text();
    expect(text).not.toContain("10.0.0.7");
    expect(text).not.toContain("/srv/secret");
  });

  it("answers 500 INTERNAL_ERROR with a generic message for an unexpected error and logs it", async () => {
    const { logger, lines } = captureLogger();
    const secret = new Error("ENOENT: open '/etc/mle/secret.key' token=abc123");
    const app = sampleApp({}, { source: failingSource(secret), logger });
    const res = await app.request(FEATURES, { headers: { "x-request-id": "req-42" } });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("req-42");
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: "INTERNAL_ERROR", message: "Internal server error." },
    });
    const logged = lines().find((l) => l.msg === "unhandled error");
    expect(logged?.request_id).toBe("req-42");
    expect(JSON.stringify(logged)).toContain("secret.key");
  });

  it("treats a thrown non-Error value as INTERNAL_ERROR", async () => {
    const res = await sampleApp({}, { source: failingSource("a string") }).request(FEATURES);
    expect(res.status).toBe(500);
    expect((await envelope(res)).code).toBe("INTERNAL_ERROR");
  });

  it("maps an unknown domain code (CONFIG_ERROR) to 500", async () => {
    const app = sampleApp({}, { source: failingSource(new MarketDataError("CONFIG_ERROR", "x")) });
    expect((await app.request(FEATURES)).status).toBe(500);
  });
});

describe("scrubMessage", () => {
  it("replaces URLs and absolute paths, keeps ordinary words", () => {
    expect(scrubMessage('Unknown symbol "AAPL"')).toBe('Unknown symbol "AAPL"');
    expect(scrubMessage("see https://user:pw@host/x?y=1 now")).toBe("see <url> now");
    expect(scrubMessage("file /var/lib/models/v1/model.json bad")).toBe("file <path> bad");
    expect(scrubMessage("file C:\\models\\v1\\model.json bad")).toBe("file <path> bad");
  });
});

describe("every code of the status map", () => {
  it.each(Object.entries(ERROR_STATUS))(
    "%s answers %i with the envelope and an x-request-id",
    async (code, status) => {
      const error = new ApiError(code as keyof typeof ERROR_STATUS, `raised ${code}`);
      const res = await sampleApp({}, { source: failingSource(error) }).request(FEATURES);
      expect(res.status).toBe(status);
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(await res.json()).toEqual({ error: { code, message: `raised ${code}` } });
    },
  );
});
