/**
 * @mle/registry benchmarks on both backends (a temp folder; S3 on a private moto server when
 * python3 + moto are installed, skipped with a note otherwise):
 *   - save (fsynced files + rename on the filesystem; blob PUTs + a conditional manifest PUT on S3),
 *     load of one version (every artifact re-hashed), alias move (CAS + history append), and the
 *     alias change detector (`aliasStamp`: one lstat / one HEAD);
 *   - list of 10 and of N versions (N = 1000; 100 in quick mode), cold (a fresh registry: every
 *     version read and hashed) vs warm (the cache of verified listings: only the backend's
 *     change detectors are read). The ratio cold / warm is what the cache saves; warm N / warm 10
 *     is how list grows.
 * Wall-clock milliseconds, median and min over the repetitions (I/O-bound work: CPU time would
 * hide the fsyncs and round trips being measured).
 *
 *   node bench/src/registry.bench.mjs [--quick]   (after building @mle/registry)
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { openRegistry } from "@mle/registry";
import { MOTO_CREDENTIALS, motoMissing, startMoto, uniqueBucket } from "@mle/registry/testing";

// The SDK warns that its next releases need Node 22; this pinned one runs on 20 (the registry
// sets the same flag before it builds its own client).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const ARTIFACTS = {
  model: {
    format: "mle.ridge",
    coefficients: Array.from({ length: 8 }, (_, i) => i / 7),
    intercept: 0,
  },
  metadata: { trainer: "bench" },
  metrics: {
    validation: { model: { rmse: 0.01, mae: 0.008, r2: 0.1, directional_accuracy: 0.52, n: 500 } },
  },
  featureColumns: ["close", "simple_return", "moving_average", "rolling_volatility"],
  datasetSummary: { rows: 5000, symbols: ["AAPL", "MSFT"] },
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { medianMs: s[Math.floor(s.length / 2)], minMs: s[0] };
};
async function timed(reps, f) {
  const out = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await f(i);
    out.push(performance.now() - t);
  }
  return stats(out);
}

/**
 * Fills `model` with versions v2..vN copied from v1 with only `version` rewritten in the
 * manifest (setup, not measured: N fsynced saves would take minutes on a shared disk).
 */
async function fillFs(root, model, n) {
  const dir = path.join(root, "models", model);
  const meta = JSON.parse(await fs.readFile(path.join(dir, "v1", "metadata.json"), "utf8"));
  for (let i = 2; i <= n; i++) {
    const to = path.join(dir, `v${i}`);
    await fs.cp(path.join(dir, "v1"), to, { recursive: true });
    await fs.writeFile(
      path.join(to, "metadata.json"),
      `${JSON.stringify({ ...meta, version: `v${i}` }, null, 2)}\n`,
    );
  }
}

async function fillS3(client, bucket, prefix, model, n, registry) {
  const meta = (await registry.model(model).get("v1")).metadata;
  for (let i = 2; i <= n; i += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, n - i + 1) }, (_, k) => {
        const v = `v${i + k}`;
        return client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `${prefix}/models/${model}/versions/${v}.json`,
            Body: `${JSON.stringify({ ...meta, version: v }, null, 2)}\n`,
          }),
        );
      }),
    );
  }
}

async function measure(backendName, open, fill, { quick }) {
  const reps = quick ? 5 : 25;
  const big = quick ? 100 : 1000;
  const rows = [];
  const row = (name, s, extra = {}) =>
    rows.push({ group: `registry (${backendName})`, name, ...s, ...extra });

  const registry = open();
  const model = registry.model("bench");
  row("save", await timed(reps, () => model.save(ARTIFACTS)));
  row("load one version (re-hashed)", await timed(reps, () => model.load("v1")));
  row(
    "alias move (CAS + history append)",
    await timed(reps, (i) => model.setAlias("champion", `v${(i % 3) + 1}`)),
  );
  row("aliasStamp (change detector)", await timed(reps * 4, () => model.aliasStamp("champion")));

  for (const [label, name, n] of [
    ["10", "list10", 10],
    [String(big), "listbig", big],
  ]) {
    const m = registry.model(name);
    await m.save(ARTIFACTS);
    await fill(name, n);
    const cold = await timed(quick ? 2 : 3, () => open().model(name).list());
    await m.list();
    const warm = await timed(reps, () => m.list());
    row(`list ${label} versions, cold (all verified)`, cold);
    row(`list ${label} versions, warm (cache)`, warm, {
      baselineMs: cold.medianMs,
      ratio: cold.medianMs / warm.medianMs,
      note: "ratio = cold / warm: what the cache of verified listings saves",
    });
  }
  const w10 = rows.find((r) => r.name === "list 10 versions, warm (cache)");
  const wBig = rows.find((r) => r.name === `list ${big} versions, warm (cache)`);
  row(
    `list growth 10 → ${big} versions (warm)`,
    { medianMs: wBig.medianMs, minMs: wBig.minMs },
    {
      baselineMs: w10.medianMs,
      ratio: wBig.medianMs / w10.medianMs,
      note: `ratio = warm ${big} / warm 10 (${big / 10}× the versions)`,
    },
  );
  return rows;
}

export async function run({ quick }) {
  const rows = [];
  const base = await fs.mkdtemp(path.join(os.tmpdir(), "mle-bench-registry-"));
  try {
    rows.push(
      ...(await measure(
        "filesystem",
        () => openRegistry(base),
        (m, n) => fillFs(base, m, n),
        { quick },
      )),
    );
  } finally {
    await fs.rm(base, { recursive: true, force: true });
  }

  const missing = motoMissing();
  if (missing) {
    rows.push({ group: "registry (S3, moto)", name: "skipped", note: `needs ${missing}` });
    return rows;
  }
  const moto = await startMoto();
  const bucket = uniqueBucket("bench");
  await moto.createBucket(bucket);
  const client = new S3Client({
    endpoint: moto.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: MOTO_CREDENTIALS,
  });
  const location = `s3://${bucket}/bench`;
  const open = () =>
    openRegistry(location, {
      backend: { s3: { endpoint: moto.endpoint, credentials: MOTO_CREDENTIALS } },
    });
  try {
    const registry = open();
    rows.push(
      ...(await measure(
        "S3, moto on loopback",
        open,
        (m, n) => fillS3(client, bucket, "bench", m, n, registry),
        { quick },
      )),
    );
  } finally {
    client.destroy();
    await moto.deleteBucket(bucket);
    await moto.stop();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run({ quick: process.argv.includes("--quick") });
  for (const r of rows) console.log(JSON.stringify(r));
}
