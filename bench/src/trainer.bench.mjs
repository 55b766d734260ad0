/**
 * @mle/dataset + @mle/trainer benchmarks, every ratio against a baseline measured in the same
 * process and run:
 *   - build dataset + fit ridge, 1M rows × 4 features (from candle objects with ISO timestamps,
 *     and from columns), vs a hand-written pipeline from a Float64Array of closes (feature loops
 *     + normal equations accumulated in Float64Arrays + 5×5 Gaussian elimination) and vs the
 *     hand-written fit alone;
 *   - fitRidge alone vs the hand-written normal-equation fit on the same X;
 *   - what the build is made of: computeFeatures alone, and the bare cost of touching fresh
 *     memory (new Float64Array(rows × 4).fill(1), and X + y + timestamps), page faults included;
 *   - build + fit for 10 symbols × rows/10, time-aligned (interleave) and staggered (k-way merge);
 *   - phase C: phase A again in a child process whose glibc malloc keeps freed pages
 *     (MALLOC_TRIM_THRESHOLD_ / MALLOC_MMAP_THRESHOLD_), so the page-fault share of A shows as
 *     the difference between A and C;
 *   - fitRidge vs ml-regression-multivariate-linear (100k rows; 10k in quick mode: at 1M that
 *     library needs ~6 s and ~1.7 GB per fit, too much for a shared 2-core machine);
 *   - fit time for 10k / 100k / 1M rows × 4 and × 10 features, with the growth ratio;
 *   - peak RSS of a child process fitting 1M × 10 (and building 1M × 8 features).
 *
 * Times are CPU milliseconds of this process (user + system) after a forced GC, median and min
 * over the repetitions: see cpuMs for why.
 *
 *   node bench/src/trainer.bench.mjs [--quick]   (after building @mle/dataset and @mle/trainer)
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { buildDataset } from "@mle/dataset";

// The eight close-only features the dataset bench has always measured (the OHLCV ones need bars).
const FEATURE_NAMES = [
  "close",
  "simple_return",
  "log_return",
  "moving_average",
  "rolling_volatility",
  "ema",
  "rsi",
  "zscore",
];
import { computeFeatures } from "@mle/features";
import { fitRidge } from "@mle/trainer";
import MLR from "ml-regression-multivariate-linear";
import { prng } from "./prng.mjs";

const W = 20;
const FEATURES4 = ["close", "simple_return", "moving_average", "rolling_volatility"];

function makeCandles(n, seed = 1) {
  const rnd = prng(seed);
  const start = Date.UTC(1990, 0, 1);
  const out = new Array(n);
  let close = 100;
  for (let t = 0; t < n; t++) {
    out[t] = { timestamp: new Date(start + t * 60_000).toISOString(), close };
    close *= 1 + (rnd() - 0.5) * 0.02;
  }
  return out;
}

function makeDesign(rows, cols, seed = 2) {
  const rnd = prng(seed);
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let v = 0.1;
    for (let j = 0; j < cols; j++) {
      const x = rnd() * (j + 1) + j;
      X[i * cols + j] = x;
      v += (j % 2 ? -0.5 : 0.7) * x;
    }
    y[i] = v + (rnd() - 0.5) * 0.1;
  }
  return { X, y, cols, rows };
}

/** A full GC before each timed call, so no call pays for the garbage of the one before it. */
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

/**
 * CPU time (user + system) of this process around one call, in ms. On a shared 2-core machine
 * running other engineers' builds, wall time is mostly time spent waiting for a core; CPU time
 * is the work done, for ours and the baselines alike.
 */
function cpuMs(fn) {
  gc();
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

function stats(times) {
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0] };
}

function measure(fn, { warmup, reps }) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < reps; i++) times.push(cpuMs(fn));
  return stats(times);
}

/**
 * Measures several functions round-robin (one call of each per round), so that load from other
 * processes on a shared machine hits ours and the baselines alike.
 */
function measureInterleaved(fns, { warmup, reps }) {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < fns.length; i++) times[i].push(cpuMs(fns[i]));
  }
  return times.map(stats);
}

// --- baselines: what anyone would write by hand ----------------------------------------------

/** Solves a small dense system A x = b (row-major n×n) by Gaussian elimination with partial pivoting. */
function solveDense(A, b, n) {
  const a = A.slice();
  const x = b.slice();
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[p * n + c])) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) [a[c * n + k], a[p * n + k]] = [a[p * n + k], a[c * n + k]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c] / a[c * n + c];
      for (let k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
      x[r] -= f * x[c];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r];
    for (let k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
    x[r] = s / a[r * n + r];
  }
  return x;
}

/** OLS with intercept from raw normal equations accumulated row by row over a row-major X. */
function handFit(X, y, rows, cols) {
  const m = cols + 1;
  const A = new Float64Array(m * m);
  const b = new Float64Array(m);
  const z = new Float64Array(m);
  z[0] = 1;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) z[j + 1] = X[i * cols + j];
    const yi = y[i];
    for (let j = 0; j < m; j++) {
      const zj = z[j];
      for (let k = j; k < m; k++) A[j * m + k] += zj * z[k];
      b[j] += zj * yi;
    }
  }
  for (let j = 0; j < m; j++) for (let k = 0; k < j; k++) A[j * m + k] = A[k * m + j];
  return solveDense(A, b, m);
}

/** Hand-written pipeline from closes: return / SMA / rolling std loops into X, label, fit. */
function handPipeline(closes) {
  const n = closes.length;
  const rows = n - W - 1;
  const X = new Float64Array(rows * 4);
  const y = new Float64Array(rows);
  let sma = 0;
  let s = 0;
  let q = 0;
  for (let t = 1; t <= n - 2; t++) {
    const c = closes[t];
    sma += c;
    if (t > W) sma -= closes[t - W];
    const r = c / closes[t - 1] - 1;
    s += r;
    q += r * r;
    if (t > W) {
      const o = closes[t - W] / closes[t - W - 1] - 1;
      s -= o;
      q -= o * o;
    }
    if (t >= W) {
      const i = t - W;
      X[i * 4] = c;
      X[i * 4 + 1] = r;
      X[i * 4 + 2] = sma / W;
      const v = (q - (s * s) / W) / (W - 1);
      X[i * 4 + 3] = Math.sqrt(Math.max(v, 0));
      y[i] = closes[t + 1] / c - 1;
    }
  }
  return handFit(X, y, rows, 4);
}

// --- cases -----------------------------------------------------------------------------------

function row(group, name, m, base, extra = {}) {
  return {
    group,
    name,
    medianMs: m.medianMs,
    minMs: m.minMs,
    baselineMs: base?.medianMs,
    ratio: base ? m.medianMs / base.medianMs : undefined,
    ...extra,
  };
}

/**
 * Two phases with different heaps, each ratio measured inside one phase: (A) columnar input only,
 * as a large-data user would hold it; (B) with 1M candle objects alive, whose marking makes every
 * major GC (triggered by the big typed-array allocations) slower for ours and the baseline alike.
 */
function pipelineCases(quick, withCandles = true) {
  const n = quick ? 100_000 : 1_000_000;
  const label = quick ? "100k" : "1M";
  const spec = { lookback: W, features: FEATURES4 };
  const reps = quick ? { warmup: 1, reps: 3 } : { warmup: 2, reps: 9 };
  const g = "dataset+trainer";
  const rnd = prng(1);
  const closes = new Float64Array(n + W + 1);
  let c = 100;
  for (let t = 0; t < closes.length; t++) {
    closes[t] = c;
    c *= 1 + (rnd() - 0.5) * 0.02;
  }
  const t0 = Date.UTC(1990, 0, 1);
  const columns = { timestamps: Float64Array.from(closes, (_, t) => t0 + t * 60_000), closes };
  const ds = buildDataset({ BENCH: columns }, spec);
  const all = { start: 0, end: ds.rows };

  // 10 symbols × n/10 rows: one clock for all (interleave) and one minute apart (k-way merge).
  const k = 10;
  const multi = (stagger) => {
    const out = {};
    const m = n / k + W + 1;
    for (let s = 0; s < k; s++) {
      const ts = new Float64Array(m);
      for (let t = 0; t < m; t++) ts[t] = t0 + (t * k + (stagger ? s : 0)) * 60_000;
      out[`S${s}`] = { timestamps: ts, closes: closes.subarray(s * 97, s * 97 + m) };
    }
    return out;
  };
  const aligned = multi(false);
  const staggered = multi(true);
  const fresh = (len) => new Float64Array(len).fill(1);

  const [
    hand,
    handFitOnly,
    oursColumnar,
    buildColumnar,
    fit,
    features,
    freshX,
    freshOut,
    oursAligned,
    oursStaggered,
  ] = measureInterleaved(
    [
      () => handPipeline(closes),
      () => handFit(ds.X, ds.y, ds.rows, 4),
      () => {
        const d = buildDataset({ BENCH: columns }, spec);
        return fitRidge(d, { start: 0, end: d.rows }, { alpha: 1 });
      },
      () => buildDataset({ BENCH: columns }, spec),
      () => fitRidge(ds, all, { alpha: 1 }),
      () => computeFeatures(closes, spec),
      () => fresh(ds.rows * 4),
      () => [fresh(ds.rows * 4), fresh(ds.rows), fresh(ds.rows)],
      () => {
        const d = buildDataset(aligned, spec);
        return fitRidge(d, { start: 0, end: d.rows }, { alpha: 1 });
      },
      () => {
        const d = buildDataset(staggered, spec);
        return fitRidge(d, { start: 0, end: d.rows }, { alpha: 1 });
      },
    ],
    reps,
  );
  const rowsA = [
    row(g, `A: hand pipeline (features + normal eqs + 5×5 solve), ${label} × 4`, hand, undefined, {
      note: "baseline: Float64Array closes in",
    }),
    row(g, `A: hand normal-equation fit only, ${label} × 4`, handFitOnly, undefined, {
      note: "baseline: X already built",
    }),
    row(g, `A: buildDataset(columns) + fitRidge, ${label} × 4`, oursColumnar, hand, {
      target: "≤ 2 × hand pipeline",
      met: oursColumnar.medianMs <= 2 * hand.medianMs,
      note: "same input as the hand pipeline (closes + epoch-ms timestamps)",
    }),
    row(
      g,
      `A: buildDataset(columns) + fitRidge vs hand fit only, ${label} × 4`,
      oursColumnar,
      handFitOnly,
      {
        target: "≤ 2 × hand fit",
        met: oursColumnar.medianMs <= 2 * handFitOnly.medianMs,
        note: "strict reading: our build + fit against the hand fit alone",
      },
    ),
    row(g, `A: buildDataset(columns) alone, ${label} × 4`, buildColumnar, handFitOnly, {
      note: "checks, features (@mle/features), labels, rows written into X",
    }),
    row(g, `A: fitRidge alone, ${label} × 4`, fit, handFitOnly, {
      note: "two passes (centered), standardized, Cholesky",
    }),
    row(g, `A: computeFeatures alone (4 columns), ${label}`, features, handFitOnly, {
      note: "part of the build: @mle/features, its n-sized columns in fresh memory",
    }),
    row(g, `A: new Float64Array(${label} × 4).fill(1)`, freshX, handFitOnly, {
      note: "no computation: the page-fault cost of touching X's fresh memory once",
    }),
    row(g, `A: fresh X + y + timestamps, filled`, freshOut, handFitOnly, {
      note: "the memory every build must hand back, touched once",
    }),
    row(
      g,
      `A: buildDataset + fitRidge, ${k} time-aligned symbols × ${label}/${k}`,
      oursAligned,
      handFitOnly,
      {
        target: "≤ 2 × hand fit",
        met: oursAligned.medianMs <= 2 * handFitOnly.medianMs,
        note: "same timestamps for all symbols: rows interleaved, no merge",
      },
    ),
    row(
      g,
      `A: buildDataset + fitRidge, ${k} staggered symbols × ${label}/${k}`,
      oursStaggered,
      handFitOnly,
      {
        target: "≤ 2 × hand fit",
        met: oursStaggered.medianMs <= 2 * handFitOnly.medianMs,
        note: "timestamps one minute apart per symbol: k-way merge of the runs",
      },
    ),
  ];
  if (!withCandles) return rowsA;

  const candles = makeCandles(n + W + 1);
  const [handB, ours, build] = measureInterleaved(
    [
      () => handPipeline(closes),
      () => {
        const d = buildDataset({ BENCH: candles }, spec);
        return fitRidge(d, { start: 0, end: d.rows }, { alpha: 1 });
      },
      () => buildDataset({ BENCH: candles }, spec),
    ],
    reps,
  );
  return [
    ...rowsA,
    row(g, `B: hand pipeline, ${label} × 4, candle objects alive`, handB, undefined, {
      note: "baseline (its input is still the closes array)",
    }),
    row(g, `B: buildDataset(candles) + fitRidge, ${label} × 4`, ours, handB, {
      target: "≤ 2 × hand pipeline",
      met: ours.medianMs <= 2 * handB.medianMs,
      note: `input: ${label} candle objects with ISO timestamps (read + parse included)`,
    }),
    row(g, `B: buildDataset(candles) alone, ${label} × 4`, build, handB, {
      note: "object reads, timestamp parsing, features, labels",
    }),
  ];
}

function peerCases(quick) {
  const rows = quick ? 10_000 : 100_000;
  const { X, y } = makeDesign(rows, 4, 5);
  const reps = quick ? { warmup: 1, reps: 3 } : { warmup: 1, reps: 5 };
  const ours = measure(() => fitRidge({ X, y, cols: 4 }, { start: 0, end: rows }, { alpha: 0 }), {
    warmup: 3,
    reps: 21,
  });
  const xRows = Array.from({ length: rows }, (_, i) => Array.from(X.subarray(i * 4, i * 4 + 4)));
  const yRows = Array.from(y, (v) => [v]);
  const peer = measure(() => new MLR(xRows, yRows, { intercept: true }), reps);
  const a = fitRidge({ X, y, cols: 4 }, { start: 0, end: rows }, { alpha: 0 });
  const mlr = new MLR(xRows, yRows, { intercept: true });
  const raw = a.coefficients.map((c, j) => c / a.scales[j]);
  const maxRel = Math.max(...raw.map((c, j) => Math.abs(c - mlr.weights[j][0]) / Math.abs(c)));
  const label = quick ? "10k" : "100k";
  return [
    row("dataset+trainer", `ml-regression-multivariate-linear, ${label} × 4 (OLS)`, peer, ours, {
      target: "≥ 10 × slower than ours",
      met: peer.medianMs >= 10 * ours.medianMs,
      note: `baseline = our fitRidge; coefficients agree to ${maxRel.toExponential(1)} rel; 1M not run (≈6 s, 1.7 GB per fit)`,
    }),
  ];
}

function scalingCases(quick) {
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  const out = [];
  for (const cols of [4, 10]) {
    const times = [];
    for (const rows of sizes) {
      const d = makeDesign(rows, cols, 7 + cols);
      const reps = rows >= 1_000_000 ? { warmup: 1, reps: 5 } : { warmup: 3, reps: 11 };
      const m = measure(() => fitRidge(d, { start: 0, end: rows }, { alpha: 1 }), reps);
      times.push(m);
      out.push(
        row("fit scaling", `fitRidge ${rows / 1000}k × ${cols}`, m, times[0], {
          note:
            times.length > 1
              ? `time ratio vs 10k = ${(m.medianMs / times[0].medianMs).toFixed(1)} for ${rows / 10_000}× rows`
              : "",
        }),
      );
    }
  }
  return out;
}

/**
 * Phase A again in a child process whose malloc neither returns freed memory to the OS nor maps
 * big blocks separately (glibc MALLOC_TRIM_THRESHOLD_ / MALLOC_MMAP_THRESHOLD_), so every call
 * reuses pages an earlier call already faulted in. The difference to phase A is the page-fault
 * cost of fresh memory on this machine, not computation.
 */
function reuseCases(quick) {
  const self = fileURLToPath(import.meta.url);
  const args = ["--expose-gc", self, "--reuse-child", ...(quick ? ["--quick"] : [])];
  const env = {
    ...process.env,
    MALLOC_TRIM_THRESHOLD_: String(2 ** 31),
    MALLOC_MMAP_THRESHOLD_: String(2 ** 30),
  };
  const rows = JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", env }));
  return rows.map((r) => ({
    ...r,
    name: r.name.replace(/^A: /, "C (freed memory reused): "),
    ...(r.note ? { note: `${r.note}; child process, malloc keeps freed pages` } : {}),
  }));
}

/** In a child process so the figure is this workload's peak, not the whole bench run's. */
function memoryCases(quick) {
  const rows = quick ? 100_000 : 1_000_000;
  const self = fileURLToPath(import.meta.url);
  const out = JSON.parse(
    execFileSync(process.execPath, ["--expose-gc", self, "--rss-child", String(rows)], {
      encoding: "utf8",
    }),
  );
  const mib = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  return [
    {
      group: "memory",
      name: `fitRidge ${rows / 1000}k × 10: peak RSS`,
      medianMs: out.fitMs,
      minMs: out.fitMs,
      note: `one cold call (CPU ms); peak RSS ${mib(out.peakAfterFit)}; before the fit ${mib(out.rssBeforeFit)} (X+y = ${mib(rows * 88)}); growth during the fit ${mib(out.peakAfterFit - out.peakBeforeFit)}`,
    },
    {
      group: "memory",
      name: `buildDataset ${rows / 1000}k × ${FEATURE_NAMES.length} (all features): peak RSS`,
      medianMs: out.buildMs,
      minMs: out.buildMs,
      note: `peak RSS ${mib(out.peakAfterBuild)} incl. ${rows / 1000}k candle objects; dataset X+y+ts+ids ${mib(out.datasetBytes)}`,
    },
  ];
}

function rssChild(rows) {
  const peak = () => process.resourceUsage().maxRSS * 1024;
  const d = makeDesign(rows, 10, 3);
  globalThis.gc?.();
  const rssBeforeFit = process.memoryUsage().rss;
  const peakBeforeFit = peak();
  const fitMs = cpuMs(() => fitRidge(d, { start: 0, end: rows }, { alpha: 1 }));
  const peakAfterFit = peak();
  const candles = makeCandles(rows + W + 1);
  let ds;
  const buildMs = cpuMs(() => {
    ds = buildDataset({ BENCH: candles }, { lookback: W, features: [...FEATURE_NAMES] });
  });
  const datasetBytes =
    ds.X.byteLength + ds.y.byteLength + ds.timestamps.byteLength + ds.symbolIds.byteLength;
  process.stdout.write(
    JSON.stringify({
      rssBeforeFit,
      peakBeforeFit,
      peakAfterFit,
      fitMs,
      buildMs,
      datasetBytes,
      peakAfterBuild: peak(),
    }),
  );
}

export async function run({ quick = false } = {}) {
  return [
    ...pipelineCases(quick),
    ...reuseCases(quick),
    ...peerCases(quick),
    ...scalingCases(quick),
    ...memoryCases(quick),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf("--rss-child");
  if (i >= 0) {
    rssChild(Number(process.argv[i + 1]));
  } else if (process.argv.includes("--reuse-child")) {
    process.stdout.write(JSON.stringify(pipelineCases(process.argv.includes("--quick"), false)));
  } else {
    const rows = await run({ quick: process.argv.includes("--quick") });
    const f = (v) => (typeof v === "number" ? Number(v.toPrecision(3)) : (v ?? ""));
    console.log(
      "| group | case | median ms | min ms | baseline ms | ratio | target | met | note |",
    );
    console.log("| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |");
    for (const r of rows) {
      console.log(
        `| ${r.group} | ${r.name} | ${f(r.medianMs)} | ${f(r.minMs)} | ${f(r.baselineMs)} | ${f(r.ratio)} | ${r.target ?? ""} | ${r.met === undefined ? "" : r.met ? "yes" : "NO"} | ${r.note ?? ""} |`,
      );
    }
  }
}
