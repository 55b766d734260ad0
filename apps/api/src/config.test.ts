import { describe, expect, it } from "vitest";
import { API_ENV_VARS, ApiConfigError, apiEnvSchema, loadApiConfig } from "./config";

describe("loadApiConfig", () => {
  it("applies the documented defaults to an empty environment", () => {
    const c = loadApiConfig({}, { cwd: "/srv/app" });
    expect(c).toEqual({
      host: "127.0.0.1",
      port: 8000,
      logLevel: "info",
      registryLocation: "/srv/app/artifacts/models",
      reloadCheckMs: undefined,
      corsOrigins: [],
      adminToken: undefined,
      requestTimeoutMs: 30_000,
      bodyLimitBytes: 65_536,
      inferenceCacheTtlMs: 5000,
      shutdownTimeoutMs: 10_000,
      uiDir: undefined,
      headersTimeoutMs: 10_000,
      receiveTimeoutMs: 30_000,
      maxConnections: 1024,
    });
  });

  it("resolves a relative UI_DIR like MODEL_REGISTRY_DIR", () => {
    expect(loadApiConfig({ UI_DIR: "apps/ui/dist" }, { cwd: "/srv/app" }).uiDir).toBe(
      "/srv/app/apps/ui/dist",
    );
    expect(loadApiConfig({ UI_DIR: "/opt/ui" }, { cwd: "/srv/app" }).uiDir).toBe("/opt/ui");
  });

  it("documents the same defaults it applies", () => {
    const c = loadApiConfig({}, { cwd: "/" }) as unknown as Record<string, unknown>;
    const byName = Object.fromEntries(API_ENV_VARS.map((v) => [v.name, v.default]));
    expect(String(c.port)).toBe(byName.PORT);
    expect(c.host).toBe(byName.HOST);
    expect(String(c.requestTimeoutMs)).toBe(byName.REQUEST_TIMEOUT_MS);
    expect(String(c.bodyLimitBytes)).toBe(byName.BODY_LIMIT_BYTES);
    expect(String(c.inferenceCacheTtlMs)).toBe(byName.INFERENCE_CACHE_TTL_MS);
    expect(String(c.shutdownTimeoutMs)).toBe(byName.SHUTDOWN_TIMEOUT_MS);
    expect(c.logLevel).toBe(byName.LOG_LEVEL);
  });

  it("lists every schema variable in API_ENV_VARS and nothing else", () => {
    expect(API_ENV_VARS.map((v) => v.name).sort()).toEqual(Object.keys(apiEnvSchema.shape).sort());
  });

  it("resolves a relative MODEL_REGISTRY_DIR against INIT_CWD, keeps an absolute one", () => {
    expect(
      loadApiConfig({ INIT_CWD: "/home/u/proj", MODEL_REGISTRY_DIR: "m" }).registryLocation,
    ).toBe("/home/u/proj/m");
    expect(loadApiConfig({ MODEL_REGISTRY_DIR: "/data/models" }).registryLocation).toBe(
      "/data/models",
    );
  });

  it("takes MODEL_REGISTRY_URI over MODEL_REGISTRY_DIR, passing s3:// and file:// locations through", () => {
    const env = { MODEL_REGISTRY_DIR: "/data/models", INIT_CWD: "/srv" };
    expect(loadApiConfig({ ...env, MODEL_REGISTRY_URI: "s3://bucket/prod" }).registryLocation).toBe(
      "s3://bucket/prod",
    );
    expect(loadApiConfig({ ...env, MODEL_REGISTRY_URI: "file:///m" }).registryLocation).toBe(
      "file:///m",
    );
    expect(loadApiConfig({ ...env, MODEL_REGISTRY_URI: "rel" }).registryLocation).toBe("/srv/rel");
    expect(loadApiConfig({ MODEL_RELOAD_MS: "1500" }).reloadCheckMs).toBe(1500);
    expect(() => loadApiConfig({ MODEL_RELOAD_MS: "-1" })).toThrow(/MODEL_RELOAD_MS/);
  });

  it("parses CORS origins, treats empty strings as unset", () => {
    const c = loadApiConfig({ CORS_ORIGINS: " https://a.example ,http://b:3000,", PORT: "" });
    expect(c.corsOrigins).toEqual(["https://a.example", "http://b:3000"]);
    expect(c.port).toBe(8000);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["PORT", "80.5"],
    ["LOG_LEVEL", "verbose"],
    ["REQUEST_TIMEOUT_MS", "0"],
    ["BODY_LIMIT_BYTES", "1e6"],
    ["CORS_ORIGINS", "evil.example"],
    ["ADMIN_TOKEN", "short"],
    ["SHUTDOWN_TIMEOUT_MS", "soon"],
  ])("rejects %s=%s with an ApiConfigError naming the variable", (name, value) => {
    try {
      loadApiConfig({ [name]: value });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiConfigError);
      expect((e as ApiConfigError).variable).toBe(name);
      expect((e as Error).message).toMatch(new RegExp(`^Invalid ${name}: `));
    }
  });

  it("never echoes the ADMIN_TOKEN value in its error", () => {
    expect(() => loadApiConfig({ ADMIN_TOKEN: "tiny-secret" })).toThrow(
      /^Invalid ADMIN_TOKEN: must be at least 16/,
    );
    try {
      loadApiConfig({ ADMIN_TOKEN: "tiny-secret" });
    } catch (e) {
      expect((e as Error).message).not.toContain("tiny-secret");
    }
  });
});
