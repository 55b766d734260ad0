import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The built package (turbo builds it before `test`), so a plain `node` child can import it.
const dist = new URL("../dist/index.js", import.meta.url).href;
const entry = `import { buildDataset, chronologicalSplit, datasetHash } from ${JSON.stringify(dist)};`;

// Zone-less date-times and dates: both machines must read them as UTC.
const script = `
const day = 86400000;
const t0 = Date.UTC(2024, 0, 1);
const candles = (n, fmt, seed) => Array.from({ length: n }, (_, i) => ({
  timestamp: fmt(new Date(t0 + i * day).toISOString()),
  close: 100 + ((i * 7919 + seed) % 13),
}));
const ds = buildDataset(
  {
    DT: candles(40, (iso) => iso.slice(0, 19), 1),
    D: candles(40, (iso) => iso.slice(0, 10), 2),
  },
  { lookback: 3, features: ["close", "simple_return"] },
);
const split = chronologicalSplit(ds, 0.25);
process.stdout.write(JSON.stringify({
  timestamps: Array.from(ds.timestamps),
  cut: split.cutTimestamp,
  hash: datasetHash(ds),
}));
`;

function runIn(tz: string, code: string) {
  const r = spawnSync(process.execPath, ["--input-type=module"], {
    input: code,
    encoding: "utf8",
    env: { ...process.env, TZ: tz },
  });
  if (r.status !== 0) throw new Error(`child (TZ=${tz}) failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as {
    timestamps: number[];
    cut: string;
    hash: string;
  };
}

describe("buildDataset across machine time zones", () => {
  it("reads zone-less timestamps as UTC, so timestamps, split and hash do not depend on TZ", () => {
    const code = `${entry}\n${script}`;
    const utc = runIn("UTC", code);
    const ny = runIn("America/New_York", code);
    const tokyo = runIn("Asia/Tokyo", code);
    // Every candle is at midnight UTC, so every row timestamp is a whole UTC day.
    expect(utc.timestamps.length).toBeGreaterThan(60);
    for (const t of [...utc.timestamps, ...ny.timestamps, ...tokyo.timestamps]) {
      expect(t % 86_400_000).toBe(0);
    }
    expect(ny.timestamps).toEqual(utc.timestamps);
    expect(tokyo.timestamps).toEqual(utc.timestamps);
    expect(ny.cut).toBe(utc.cut);
    expect(ny.hash).toBe(utc.hash);
    expect(tokyo.hash).toBe(utc.hash);
  });
});
