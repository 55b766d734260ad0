import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadMarketDataConfig, marketDataEnvSchema } from "./config";
import { createMarketDataSource } from "./create-source";
import { MARKET_DATA_ENV_DOCS } from "./env-docs";
import { ConfigError } from "./errors";
import type { UpstreamEvent } from "./events";
import { startReferenceUpstream } from "./testing";
import { createSampleSource } from "./sample-source";

function configError(env: Record<string, string>): ConfigError {
  try {
    loadMarketDataConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("loadMarketDataConfig", () => {
  it("defaults to the sample source with the documented defaults", () => {
    expect(loadMarketDataConfig({})).toEqual({
      source: "sample",
      baseUrl: undefined,
      csvDir: undefined,
      timeoutMs: 5000,
      maxRetries: 3,
      backoffMs: 200,
      maxResponseBytes: 4 * 1024 * 1024,
      followRedirects: "none",
      seed: 42,
    });
  });

  it("reads the response bound and the redirect policy, and refuses bad values", () => {
    expect(
      loadMarketDataConfig({
        MARKET_DATA_MAX_RESPONSE_BYTES: "65536",
        MARKET_DATA_FOLLOW_REDIRECTS: "same-origin",
      }),
    ).toMatchObject({ maxResponseBytes: 65536, followRedirects: "same-origin" });
    expect(configError({ MARKET_DATA_MAX_RESPONSE_BYTES: "10" }).message).toBe(
      'MARKET_DATA_MAX_RESPONSE_BYTES: expected a size in bytes, an integer in [1024, 1073741824], got "10"',
    );
    expect(configError({ MARKET_DATA_FOLLOW_REDIRECTS: "all" }).message).toBe(
      'MARKET_DATA_FOLLOW_REDIRECTS: expected one of none | same-origin, got "all"',
    );
  });

  it("reads every variable and treats blank values as unset", () => {
    const config = loadMarketDataConfig({
      MARKET_DATA_SOURCE: "http",
      MARKET_DATA_BASE_URL: "http://127.0.0.1:9000/v1",
      MARKET_DATA_TIMEOUT_MS: "250",
      MARKET_DATA_MAX_RETRIES: "0",
      MARKET_DATA_BACKOFF_MS: " 10 ",
      MARKET_DATA_SEED: "-7",
      MARKET_DATA_CSV_DIR: "",
    });
    expect(config).toMatchObject({
      source: "http",
      timeoutMs: 250,
      maxRetries: 0,
      backoffMs: 10,
      seed: -7,
    });
    expect(config.csvDir).toBeUndefined();
  });

  it.each([
    [
      { MARKET_DATA_SOURCE: "ftp" },
      "MARKET_DATA_SOURCE",
      'MARKET_DATA_SOURCE: expected one of sample | csv | http, got "ftp"',
    ],
    [
      { MARKET_DATA_TIMEOUT_MS: "soon" },
      "MARKET_DATA_TIMEOUT_MS",
      'MARKET_DATA_TIMEOUT_MS: expected a timeout in milliseconds, an integer in [1, 600000], got "soon"',
    ],
    [{ MARKET_DATA_TIMEOUT_MS: "0" }, "MARKET_DATA_TIMEOUT_MS", "an integer in [1, 600000]"],
    [{ MARKET_DATA_MAX_RETRIES: "2.5" }, "MARKET_DATA_MAX_RETRIES", "a retry count"],
    [{ MARKET_DATA_BACKOFF_MS: "-1" }, "MARKET_DATA_BACKOFF_MS", "a backoff in milliseconds"],
    [{ MARKET_DATA_SEED: "1e3" }, "MARKET_DATA_SEED", "a sample seed"],
    [
      { MARKET_DATA_SOURCE: "http" },
      "MARKET_DATA_BASE_URL",
      "is required when MARKET_DATA_SOURCE=http",
    ],
    [
      { MARKET_DATA_SOURCE: "csv" },
      "MARKET_DATA_CSV_DIR",
      "is required when MARKET_DATA_SOURCE=csv",
    ],
    [
      { MARKET_DATA_BASE_URL: "ftp://x" },
      "MARKET_DATA_BASE_URL",
      "expected an absolute http(s) URL",
    ],
  ])("rejects %j naming the variable", (env, variable, message) => {
    const err = configError(env as Record<string, string>);
    expect(err.code).toBe("CONFIG_ERROR");
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(message);
  });

  it("never echoes the base URL, which may carry credentials", () => {
    const err = configError({ MARKET_DATA_BASE_URL: "not a url with s3cret" });
    expect(err.message).not.toContain("s3cret");
  });

  it("rejects credentials with bad percent-encoding as CONFIG_ERROR without echoing them", () => {
    const err = configError({
      MARKET_DATA_SOURCE: "http",
      MARKET_DATA_BASE_URL: "https://us%ZZer:pw%ZZs3cret@md.example.com/v1",
    });
    expect(err.code).toBe("CONFIG_ERROR");
    expect(err.variable).toBe("MARKET_DATA_BASE_URL");
    expect(err.message).toContain("MARKET_DATA_BASE_URL");
    expect(err.message).not.toContain("s3cret");
    expect(err.message).not.toContain("us%ZZer");
  });

  it("is backed by a zod schema that applies the same defaults", () => {
    expect(marketDataEnvSchema.parse({}).MARKET_DATA_TIMEOUT_MS).toBe(5000);
  });
});

describe("MARKET_DATA_ENV_DOCS", () => {
  it("documents exactly the variables the schema reads, with matching defaults", () => {
    expect(MARKET_DATA_ENV_DOCS.map((d) => d.name).sort()).toEqual(
      Object.keys(marketDataEnvSchema.shape).sort(),
    );
    const loaded = loadMarketDataConfig({}) as unknown as Record<string, unknown>;
    const field: Record<string, string> = {
      MARKET_DATA_SOURCE: "source",
      MARKET_DATA_TIMEOUT_MS: "timeoutMs",
      MARKET_DATA_MAX_RETRIES: "maxRetries",
      MARKET_DATA_BACKOFF_MS: "backoffMs",
      MARKET_DATA_MAX_RESPONSE_BYTES: "maxResponseBytes",
      MARKET_DATA_FOLLOW_REDIRECTS: "followRedirects",
      MARKET_DATA_SEED: "seed",
    };
    for (const doc of MARKET_DATA_ENV_DOCS) {
      if (doc.default !== undefined) expect(String(loaded[field[doc.name]!])).toBe(doc.default);
    }
  });

  it("matches the repository's .env.example when it lists these variables", async () => {
    const text = await readFile(new URL("../../../.env.example", import.meta.url), "utf8").catch(
      () => "",
    );
    const listed = MARKET_DATA_ENV_DOCS.filter((d) => text.includes(d.name));
    if (listed.length === 0) return; // .env.example is owned by the integrator and may not exist yet
    expect(listed.map((d) => d.name)).toEqual(MARKET_DATA_ENV_DOCS.map((d) => d.name));
  });
});

describe("createMarketDataSource", () => {
  it("builds the source the config names", () => {
    expect(createMarketDataSource(loadMarketDataConfig({})).kind).toBe("sample");
    expect(createMarketDataSource({ source: "csv", csvDir: "." }).kind).toBe("csv");
    expect(createMarketDataSource({ source: "http", baseUrl: "http://127.0.0.1:1" }).kind).toBe(
      "http",
    );
  });

  it("uses the configured seed for the sample source", async () => {
    const a = await createMarketDataSource({ source: "sample", seed: 1 }).getCandles("AAPL", {
      limit: 3,
    });
    const b = await createMarketDataSource({ source: "sample", seed: 2 }).getCandles("AAPL", {
      limit: 3,
    });
    expect(a).not.toEqual(b);
  });

  it("refuses http without a base URL and csv without a folder", () => {
    expect(() => createMarketDataSource({ source: "http" })).toThrow(ConfigError);
    expect(() => createMarketDataSource({ source: "csv" })).toThrow(/MARKET_DATA_CSV_DIR/);
  });

  it("passes the env settings and the hooks to the http source", async () => {
    const upstream = await startReferenceUpstream({
      source: createSampleSource(),
      faults: { failNext: 1, errorStatus: 503 },
    });
    try {
      const events: UpstreamEvent[] = [];
      const config = loadMarketDataConfig({
        MARKET_DATA_SOURCE: "http",
        MARKET_DATA_BASE_URL: upstream.url,
        MARKET_DATA_MAX_RETRIES: "0",
      });
      const source = createMarketDataSource(config, { onEvent: (e) => events.push(e) });
      await expect(source.getCandles("AAPL", { limit: 2 })).rejects.toMatchObject({
        code: "UPSTREAM_UNAVAILABLE",
        attempts: 1,
      });
      expect(events.at(-1)).toMatchObject({ type: "failure", code: "UPSTREAM_UNAVAILABLE" });
    } finally {
      await upstream.close();
    }
  });
});
