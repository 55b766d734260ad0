/**
 * Hostile input against the built server process (csv source, temp registry, ADMIN_TOKEN and a
 * canary variable in its environment), sent byte for byte over loopback HTTP. Each case has its
 * expected status; afterwards no answer may hold a stack trace, a filesystem path, an environment
 * value or the contents of files placed next to (outside) the registry and the CSV folder.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createApp, loadApiConfig } from "@mle/api";
import { createSampleSource, SYMBOL_PATTERN } from "@mle/market-client";
import { createFsStore, createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./support/api-process";
import { candlesCsv } from "./support/csv";
import { trainRegistry } from "./support/fixture";
import { findLeak } from "./support/leaks";
import { errorOf, type RawResponse, rawRequest } from "./support/raw-http";
import { recordingSource, recordingStore } from "./support/recording";
import { tempDir } from "./support/temp";
import { chunkedUploadUntilAnswered, uploadUntilAnswered } from "./support/upload";

const ADMIN_TOKEN = "adm1n-T0ken-e2e-7f3c9a51d2";
const CANARY = "canary-env-value-5b1e77";
const SENTINEL_CLOSE = "4242.4242";
const SENTINEL_TEXT = "sentinel-outside-registry-91c2";

let base: { dir: string; cleanup: () => Promise<void> };
let registryDir: string;
let api: ApiProcess;
const seen: RawResponse[] = [];

async function send(p: string, init: Parameters<typeof rawRequest>[2] = {}): Promise<RawResponse> {
  const r = await rawRequest(api.url, p, init);
  seen.push(r);
  return r;
}

function expectAnswer(r: RawResponse, status: number, code: string) {
  expect(r.status, r.text).toBe(status);
  expect(errorOf(r)?.code, r.text).toBe(code);
}

beforeAll(async () => {
  base = await tempDir();
  registryDir = await trainRegistry(base.dir);
  const csvDir = path.join(base.dir, "csv");
  await mkdir(csvDir);
  const sample = createSampleSource();
  for (const s of ["AAPL", "MSFT"]) {
    await writeFile(
      path.join(csvDir, `${s}.csv`),
      candlesCsv(await sample.getCandles(s, { limit: 200 })),
    );
  }
  // Files an attacker would like to reach: next to the CSV folder and next to the registry.
  const secretCandles = (await sample.getCandles("AAPL", { limit: 50 })).map((c) => ({
    ...c,
    open: Number(SENTINEL_CLOSE),
    high: Number(SENTINEL_CLOSE),
    low: Number(SENTINEL_CLOSE),
    close: Number(SENTINEL_CLOSE),
  }));
  await writeFile(path.join(base.dir, "SECRET.csv"), candlesCsv(secretCandles));
  await writeFile(path.join(base.dir, "secret.json"), JSON.stringify({ value: SENTINEL_TEXT }));
  await writeFile(path.join(base.dir, "model.json"), JSON.stringify({ value: SENTINEL_TEXT }));
  api = await startApiProcess({
    MARKET_DATA_SOURCE: "csv",
    MARKET_DATA_CSV_DIR: csvDir,
    MODEL_REGISTRY_DIR: registryDir,
    ADMIN_TOKEN,
    MLE_E2E_CANARY: CANARY,
  });
  expect((await send("/predict?symbol=AAPL")).status).toBe(200);
});

afterAll(async () => {
  await api?.stop();
  await base.cleanup();
});

const long = (n: number) => "A".repeat(n);

describe("hostile symbols (GET /predict?symbol=…)", () => {
  const cases: Array<[string, string]> = [
    ["empty", ""],
    ["21 characters", long(21)],
    ["200 characters", long(200)],
    ["../../etc/passwd", "../../etc/passwd"],
    ["a traversal to a CSV next to the data folder", "../SECRET"],
    ["URL-encoded slashes", "..%2F..%2Fetc%2Fpasswd"],
    ["URL-encoded dots and slash", "%2e%2e%2fSECRET"],
    ["double-encoded traversal", "%252e%252e%252fSECRET"],
    ["backslashes", "..%5C..%5CSECRET"],
    ["a NUL byte after a valid symbol", "AAPL%00"],
    ["a NUL byte alone", "%00"],
    ["a NUL byte then a path", "AAPL%00/../../etc/passwd"],
    ["fullwidth look-alike letters", "%EF%BC%A1%EF%BC%A1PL"],
    ["a Cyrillic look-alike A", "%D0%90APL"],
    ["a zero-width space", "AAPL%E2%80%8B"],
    ["SQL metacharacters", "AAPL'%3B%20DROP%20TABLE%20models%3B--"],
    ["SQL tautology", "x%22%20OR%201%3D1"],
    ["shell command substitution", "%24(cat%20%2Fetc%2Fpasswd)"],
    ["shell backticks", "%60id%60"],
    ["a shell pipe", "AAPL%7Cls"],
    ["a shell separator", "AAPL%3Bls"],
    ["spaces", "AA%20PL"],
    ["a newline (header/log injection)", "AAPL%0D%0AX-Injected:%201"],
  ];
  for (const [name, raw] of cases) {
    it(`${name} → 422 VALIDATION_ERROR`, async () => {
      expectAnswer(await send(`/predict?symbol=${raw}`), 422, "VALIDATION_ERROR");
    });
  }

  it("a missing symbol → 422 VALIDATION_ERROR", async () => {
    expectAnswer(await send("/predict"), 422, "VALIDATION_ERROR");
  });

  it("repeated symbol keys → 422 VALIDATION_ERROR, not first-wins", async () => {
    expectAnswer(await send("/predict?symbol=AAPL&symbol=MSFT"), 422, "VALIDATION_ERROR");
  });

  it("'..' and '.' fit the symbol alphabet but reach no file: 404 SYMBOL_NOT_FOUND", async () => {
    expectAnswer(await send("/predict?symbol=.."), 404, "SYMBOL_NOT_FOUND");
    expectAnswer(await send("/predict?symbol=."), 404, "SYMBOL_NOT_FOUND");
  });

  it("a well-formed unknown symbol of exactly 20 characters → 404 SYMBOL_NOT_FOUND", async () => {
    expectAnswer(await send(`/predict?symbol=${long(20)}`), 404, "SYMBOL_NOT_FOUND");
  });
});

describe("hostile lookbacks (GET /features?symbol=AAPL&lookback=…)", () => {
  const cases: Array<[string, string]> = [
    ["negative", "-5"],
    ["zero", "0"],
    ["one (below the minimum)", "1"],
    ["huge", "99999999999999999999999"],
    ["just above the maximum", "251"],
    ["fractional", "2.5"],
    ["non-numeric", "abc"],
    ["exponent", "1e3"],
    ["hex", "0x10"],
    ["leading space", "%205"],
    ["empty", ""],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
  ];
  for (const [name, raw] of cases) {
    it(`${name} → 422 VALIDATION_ERROR`, async () => {
      expectAnswer(await send(`/features?symbol=AAPL&lookback=${raw}`), 422, "VALIDATION_ERROR");
    });
  }

  it("repeated lookback keys → 422 VALIDATION_ERROR", async () => {
    expectAnswer(
      await send("/features?symbol=AAPL&lookback=5&lookback=6"),
      422,
      "VALIDATION_ERROR",
    );
  });
});

describe("hostile versions", () => {
  const pathCases: Array<[string, string]> = [
    ["..%2Fv1 (encoded traversal)", "/model/..%2Fv1"],
    ["%2e%2e%2f", "/model/%2e%2e%2f"],
    ["v0", "/model/v0"],
    ["v01", "/model/v01"],
    ["-1 (leading dash)", "/model/-1"],
    ["V1 (upper case)", "/model/V1"],
    ["v1%2F..%2F..%2Fx", "/model/v1%2F..%2F..%2Fx"],
    ["v1%00", "/model/v1%00"],
    ["10 digits", "/model/v1234567890"],
    ["a 400-digit number", `/model/v${"9".repeat(400)}`],
    ["model.json", "/model/model.json"],
    ["active.json", "/model/active.json"],
  ];
  for (const [name, p] of pathCases) {
    it(`GET /model/${name} → 422 VALIDATION_ERROR`, async () => {
      expectAnswer(await send(p), 422, "VALIDATION_ERROR");
    });
  }

  it("raw ../ segments are resolved by URL parsing before routing: /model/../v1 and /model/v1/../../x → 404 NOT_FOUND", async () => {
    expectAnswer(await send("/model/../v1"), 404, "NOT_FOUND");
    expectAnswer(await send("/model/v1/../../x"), 404, "NOT_FOUND");
    expectAnswer(await send("/model/../../secret.json"), 404, "NOT_FOUND");
  });

  it("a safe name that is not a version is an alias: unset → 404 ALIAS_NOT_FOUND", async () => {
    expectAnswer(await send("/model/v-1"), 404, "ALIAS_NOT_FOUND");
    expectAnswer(await send("/model/latest"), 404, "ALIAS_NOT_FOUND");
  });

  it("a well-formed version that does not exist → 404 MODEL_NOT_FOUND", async () => {
    expectAnswer(await send("/model/v999999999"), 404, "MODEL_NOT_FOUND");
  });

  it("?version= on /predict: ../v1, %2e%2e%2f, v0, v01 → 422; v77 → 404 MODEL_NOT_FOUND", async () => {
    for (const v of ["../v1", "%2e%2e%2f", "v0", "v01", `v${"1".repeat(50)}`]) {
      expectAnswer(await send(`/predict?symbol=AAPL&version=${v}`), 422, "VALIDATION_ERROR");
    }
    expectAnswer(await send("/predict?symbol=AAPL&version=v77"), 404, "MODEL_NOT_FOUND");
  });

  it("POST /models/{hostile}/activate with the right token → 422, and the pointer does not move", async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    for (const v of ["..%2Fv1", "%2e%2e%2f", "v0", "v01", "v1%2F..%2F..%2Fx"]) {
      expectAnswer(
        await send(`/models/${v}/activate`, { method: "POST", headers: auth }),
        422,
        "VALIDATION_ERROR",
      );
    }
    expect(await createRegistry({ dir: registryDir }).getActive()).toBe("v2");
  });
});

describe("hostile bodies for POST /predict/batch", () => {
  const json = { "content-type": "application/json" };

  it("not JSON → 422 VALIDATION_ERROR", async () => {
    expectAnswer(
      await send("/predict/batch", { method: "POST", headers: json, body: "{not json" }),
      422,
      "VALIDATION_ERROR",
    );
  });

  it("an empty body → 422 VALIDATION_ERROR", async () => {
    expectAnswer(
      await send("/predict/batch", { method: "POST", headers: json, body: "" }),
      422,
      "VALIDATION_ERROR",
    );
  });

  it("JSON of the wrong shape (array, wrong types) → 422 VALIDATION_ERROR", async () => {
    for (const body of [
      '["AAPL"]',
      '{"symbols":[1,2]}',
      '{"symbols":"AAPL"}',
      "null",
      '{"symbols":[]}',
    ]) {
      expectAnswer(
        await send("/predict/batch", { method: "POST", headers: json, body }),
        422,
        "VALIDATION_ERROR",
      );
    }
  });

  it("a wrong content type → 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const body = JSON.stringify({ symbols: ["AAPL"] });
    expectAnswer(
      await send("/predict/batch", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body,
      }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expectAnswer(
      await send("/predict/batch", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "symbols=AAPL",
      }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expectAnswer(
      await send("/predict/batch", { method: "POST", body }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("101 symbols (one over the limit) → 422 VALIDATION_ERROR", async () => {
    const body = JSON.stringify({ symbols: Array.from({ length: 101 }, (_, i) => `S${i}`) });
    expectAnswer(
      await send("/predict/batch", { method: "POST", headers: json, body }),
      422,
      "VALIDATION_ERROR",
    );
  });

  it("a 10 MB body with Content-Length → 413 PAYLOAD_TOO_LARGE before the body is sent", async () => {
    const r = await uploadUntilAnswered(api.url, "/predict/batch", 10 * 1024 * 1024, {
      chunked: false,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(r.sentBytes).toBeLessThan(10 * 1024 * 1024);
  });

  it("a 10 MB chunked body (no Content-Length) → 413 PAYLOAD_TOO_LARGE once the 64 KiB limit is passed", async () => {
    const r = await chunkedUploadUntilAnswered(api.url, "/predict/batch", 10 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(r.sentBytes).toBeLessThan(10 * 1024 * 1024);
  });

  it("duplicated symbols (any case) are answered once → 200", async () => {
    const body = JSON.stringify({ symbols: ["AAPL", "aapl", "AAPL", "Aapl"] });
    const r = await send("/predict/batch", { method: "POST", headers: json, body });
    expect(r.status).toBe(200);
    const results = (r.json as { results: Array<{ symbol: string; ok: boolean }> }).results;
    expect(results.map((x) => [x.symbol, x.ok])).toEqual([["AAPL", true]]);
  });

  it("hostile symbols inside a batch get their own 422 item; the good symbol is answered → 200", async () => {
    const body = JSON.stringify({
      symbols: ["../SECRET", "AAPL\u0000", "ＡＡＰＬ", "AAPL", "$(id)"],
    });
    const r = await send("/predict/batch", { method: "POST", headers: json, body });
    expect(r.status).toBe(200);
    const results = (r.json as { results: Array<{ ok: boolean; error?: { status: number } }> })
      .results;
    expect(results.map((x) => (x.ok ? 200 : x.error?.status))).toEqual([422, 422, 422, 200, 422]);
  });
});

describe("nothing leaks", () => {
  it("no answer holds a stack trace, a filesystem path, ADMIN_TOKEN, an environment value or a file from outside the registry", async () => {
    expect(seen.length).toBeGreaterThan(60);
    const secrets = [
      ADMIN_TOKEN,
      CANARY,
      base.dir,
      registryDir,
      SENTINEL_TEXT,
      SENTINEL_CLOSE,
      "/etc/passwd",
      "root:x:0:0",
    ];
    for (const r of seen) {
      const headers = JSON.stringify(r.headers);
      expect(findLeak(r.text, secrets), r.text).toBeNull();
      expect(findLeak(headers, secrets), headers).toBeNull();
      expect(r.headers["x-injected"]).toBeUndefined();
    }
  });

  it("the server is still up, logged no unhandled error, and the registry and sentinel files are untouched", async () => {
    expect(api.alive()).toBe(true);
    expect((await send("/health")).status).toBe(200);
    expect(api.output()).not.toMatch(/unhandled|uncaught|"level":50|"level":60/i);
    const registry = createRegistry({ dir: registryDir });
    expect((await registry.list()).map((e) => [e.version, e.status])).toEqual([
      ["v2", "ok"],
      ["v1", "ok"],
    ]);
    expect(await readFile(path.join(base.dir, "secret.json"), "utf8")).toContain(SENTINEL_TEXT);
  });
});

describe("every storage and data access stays inside the registry and the symbol alphabet", () => {
  it("hostile requests reach the registry store only with single safe names and the source only with valid symbols", async () => {
    const dir = registryDir;
    const names: string[] = [];
    const store = recordingStore(createFsStore(dir), names);
    const symbols: string[] = [];
    const app = createApp({
      source: recordingSource(createSampleSource(), symbols),
      registry: createRegistry({ dir, store }),
      config: loadApiConfig({ LOG_LEVEL: "silent", ADMIN_TOKEN }, { cwd: base.dir }),
    });
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const hostile = [
      "..%2Fv1",
      "%2e%2e%2f",
      "..",
      "v1%2F..%2F..%2Fsecret.json",
      "v0",
      "v01",
      "%00",
      "active.json",
      "model.json",
    ];
    for (const h of hostile) {
      await app.request(`/model/${h}`);
      await app.request(`/predict?symbol=AAPL&version=${h}`);
      await app.request(`/predict?symbol=${h}`);
      await app.request(`/models/${h}/activate`, { method: "POST", headers: auth });
      await app.request("/predict/batch", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          symbols: [decodeURIComponent(h), "AAPL"],
          version: decodeURIComponent(h),
        }),
      });
    }
    await app.request("/predict?symbol=AAPL");
    await app.request("/models");
    expect(names.length).toBeGreaterThan(0);
    const safe =
      /^(?:v[1-9][0-9]{0,8}|active\.json|\.tmp-[A-Za-z0-9._-]+|\.lock-[a-z0-9_-]+|model\.json|metadata\.json|metrics\.json|feature_columns\.json|dataset_summary\.json|evaluation\.json|predictions\.json)$/;
    for (const n of names) expect(n).toMatch(safe);
    for (const s of symbols) expect(s).toMatch(SYMBOL_PATTERN);
    // ".." fits the symbol alphabet; sources only use a symbol as a query value (http) or compare
    // it with the names in their own folder (csv), so it cannot leave that folder.
  });
});
