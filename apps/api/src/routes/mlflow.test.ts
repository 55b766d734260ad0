import { createSampleSource } from "@mle/market-client";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { tempRegistryPerTest } from "../../test/inference-support";
import { sampleApp } from "../../test/support";

const source = createSampleSource({ seed: 11 });
const COLUMNS = ["close", "simple_return", "moving_average", "rolling_volatility"];
const temp = tempRegistryPerTest();

function app() {
  return sampleApp({ INFERENCE_CACHE_TTL_MS: "0" }, { source, registry: temp.registry });
}

function invoke(a: ReturnType<typeof app>, body: unknown, type = "application/json") {
  return a.request("/invocations", {
    method: "POST",
    headers: { "content-type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Two feature rows (from GET /predict) and their predictions. */
async function reference(a: ReturnType<typeof app>) {
  const rows: number[][] = [];
  const predictions: number[] = [];
  for (const symbol of ["AAPL", "MSFT"]) {
    const p = (await (await a.request(`/predict?symbol=${symbol}`)).json()) as {
      prediction: number;
      features: Record<string, number>;
    };
    rows.push(COLUMNS.map((c) => p.features[c]!));
    predictions.push(p.prediction);
  }
  return { rows, predictions };
}

describe("MLflow scoring server", () => {
  it("answers /ping and /version", async () => {
    const a = app();
    const ping = await a.request("/ping");
    expect([ping.status, await ping.text()]).toEqual([200, ""]);
    const version = await a.request("/version");
    expect([version.status, await version.text()]).toEqual([200, "0.1.0"]);
  });

  it("scores every input format to the same predictions as GET /predict, columns matched by name", async () => {
    await saveSample(temp.registry, source);
    const a = app();
    const { rows, predictions } = await reference(a);
    const reversed = [...COLUMNS].reverse();
    const records = rows.map((row) => ({
      extra: "ignored",
      ...Object.fromEntries(COLUMNS.map((c, j) => [c, row[j]])),
    }));
    const bodies: [string, unknown, string?][] = [
      [
        "dataframe_split with reordered and extra columns",
        {
          dataframe_split: {
            columns: ["extra", ...reversed],
            data: rows.map((row) => ["x", ...[...row].reverse()]),
          },
        },
      ],
      ["dataframe_records", { dataframe_records: records }],
      ["instances as records", { instances: records }],
      ["instances as rows in column order", { instances: rows }],
      [
        "inputs as columns",
        { inputs: Object.fromEntries(COLUMNS.map((c, j) => [c, rows.map((r) => r[j])])) },
      ],
      [
        "text/csv",
        `${reversed.join(",")},note\r\n${rows.map((r) => `${[...r].reverse().join(",")},"a, b"`).join("\r\n")}\r\n`,
        "text/csv; charset=utf-8",
      ],
    ];
    for (const [name, body, type] of bodies) {
      const res = await invoke(a, body, type);
      expect(res.status, name).toBe(200);
      expect(await res.json(), name).toEqual({ predictions });
    }
  });

  it("names every missing column in one 422", async () => {
    await saveSample(temp.registry, source);
    const res = await invoke(app(), { dataframe_split: { columns: ["close"], data: [[1]] } });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error_code: "VALIDATION_ERROR",
      message: "missing columns: simple_return, moving_average, rolling_volatility",
    });
    const csv = await invoke(app(), "close,simple_return\n1,2\n", "text/csv");
    expect(((await csv.json()) as { message: string }).message).toBe(
      "missing columns: moving_average, rolling_volatility",
    );
  });

  it("refuses other content types (415), malformed bodies and non-finite values (422)", async () => {
    await saveSample(temp.registry, source);
    const a = app();
    const cases: [unknown, string, number, string][] = [
      ["x", "text/plain", 415, "application/json or text/csv"],
      ["{oops", "application/json", 422, "not valid JSON"],
      [{ dataframe_records: [], instances: [] }, "application/json", 422, "exactly one of"],
      [{ dataframe_records: [] }, "application/json", 422, "1 to 1000 rows"],
      [
        `${COLUMNS.join(",")}\n1,2,1e999,4\n`,
        "text/csv",
        422,
        "row 0 column moving_average is not a finite number",
      ],
      [{ instances: [[1, 2, 3]] }, "application/json", 422, "row 0 must be an array of 4 values"],
    ];
    for (const [body, type, status, message] of cases) {
      const res = await invoke(a, body, type);
      expect(res.status, message).toBe(status);
      const error = (await res.json()) as { error_code: string; message: string };
      expect(error.message).toContain(message);
    }
  });

  it("answers 503 NO_ACTIVE_MODEL before a model is trained", async () => {
    const res = await invoke(app(), { instances: [[1, 2, 3, 4]] });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error_code: string }).error_code).toBe("NO_ACTIVE_MODEL");
  });
});
