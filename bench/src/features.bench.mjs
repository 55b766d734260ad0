/**
 * @mle/features benchmarks: our batch and incremental APIs against hand-written single-pass
 * Float64Array loops and the peer libraries, all measured in the same process and run, plus the
 * long-series accuracy check (10,000,000 closes; 1,000,000 in quick mode).
 *
 *   node bench/src/features.bench.mjs [--quick]     (after building @mle/features)
 *
 * `run({ quick })` returns rows { group, name, medianMs, minMs, baselineMs, ratio, note } for
 * bench/src/run.mjs, plus `target` and `pass` on rows that check a target (and `maxRelErr` on the
 * accuracy rows). NaN marks a field that does not apply (accuracy and agreement rows).
 *
 * Timing: warm-up, then interleaved repetitions (the order rotates), so load changes on a shared
 * machine hit every contender alike (no forced GC between calls: a forced full GC made the next
 * call up to 20 × slower, apparently by discarding compiled code); speed ratios are the median of per-repetition ratios, and the
 * ratio of minimums is given in the note.
 */
import { pathToFileURL } from "node:url";
import {
  computeFeatures,
  computeInto,
  createFeatureStream,
  DEFAULT_FEATURES,
  validateFeatureSpec,
} from "@mle/features";
import * as indicatorts from "indicatorts";
import technicalindicators from "technicalindicators";
import { ATR, BollingerBands, EMA, MACD, ROC, SMA, VWAP, VWMA } from "trading-signals";
import { prng } from "./prng.mjs";

const W = 20;

/** A log-normal-ish walk with a slow drift, `n` closes. */
export function makeCloses(n, seed = 1, start = 100, drift = 0) {
  const rnd = prng(seed);
  const c = new Float64Array(n);
  c[0] = start;
  for (let t = 1; t < n; t++) c[t] = c[t - 1] * (1 + drift + (rnd() - 0.5) * 0.02);
  return c;
}

// --- the baselines: plain single-pass loops, as anyone would write them -------------------------

export function handReturn(c) {
  const n = c.length;
  const out = new Float64Array(n - 1);
  for (let t = 1; t < n; t++) out[t - 1] = c[t] / c[t - 1] - 1;
  return out;
}

export function handSma(c, w) {
  const n = c.length;
  const out = new Float64Array(n - w + 1);
  let s = 0;
  for (let t = 0; t < w; t++) s += c[t];
  out[0] = s / w;
  for (let t = w; t < n; t++) {
    s += c[t] - c[t - w];
    out[t - w + 1] = s / w;
  }
  return out;
}

/** Rolling sample std of simple returns from running Σr and Σr² (no re-summing, no compensation). */
export function handRollingStd(c, w) {
  const n = c.length;
  const out = new Float64Array(n - w);
  let s = 0;
  let q = 0;
  for (let t = 1; t < n; t++) {
    const r = c[t] / c[t - 1] - 1;
    s += r;
    q += r * r;
    if (t > w) {
      const o = c[t - w] / c[t - w - 1] - 1;
      s -= o;
      q -= o * o;
    }
    if (t >= w) {
      const v = (q - (s * s) / w) / (w - 1);
      out[t - w] = Math.sqrt(Math.max(v, 0));
    }
  }
  return out;
}

// --- measurement ---------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Times several functions in interleaved repetitions (the order rotates every repetition), so a
 * load change on a shared machine hits all of them alike; ratios are then taken per repetition.
 */
function interleave(fns, { warmup, reps }) {
  const names = Object.keys(fns);
  const out = Object.fromEntries(names.map((k) => [k, { times: [], result: undefined }]));
  for (let i = 0; i < warmup; i++) for (const k of names) out[k].result = fns[k]();
  for (let i = 0; i < reps; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length];
      const t0 = performance.now();
      out[k].result = fns[k]();
      out[k].times.push(performance.now() - t0);
    }
  }
  for (const k of names) {
    out[k].medianMs = median(out[k].times);
    out[k].minMs = Math.min(...out[k].times);
  }
  return out;
}

function measure(fn, options) {
  return interleave({ fn }, options).fn;
}

/** Median over repetitions of a[i] / b[i]. */
function pairedRatio(a, b) {
  return median(a.map((x, i) => x / b[i]));
}

function maxRelErr(got, want, scaleFloor = 0) {
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), scaleFloor);
    if (e > worst || Number.isNaN(e)) worst = Number.isNaN(e) ? Number.POSITIVE_INFINITY : e;
  }
  return worst;
}

const fmt = (x) => (x === 0 ? "0" : Math.abs(x) < 1e-3 ? x.toExponential(1) : x.toPrecision(3));

function row(group, name, m, baselineMs, extra = {}) {
  return {
    group,
    name,
    medianMs: m.medianMs,
    minMs: m.minMs,
    baselineMs,
    ratio: baselineMs > 0 ? m.medianMs / baselineMs : Number.NaN,
    note: "",
    ...extra,
  };
}

// --- the groups ----------------------------------------------------------------------------------

function batchGroup(quick) {
  const n = quick ? 200_000 : 1_000_000;
  const group = `features batch: ${n.toLocaleString("en-US")} closes, window ${W}`;
  const c = makeCloses(n, 1);
  const plain = Array.from(c); // peers are called with a plain array, as a user would
  const fast = { warmup: quick ? 3 : 5, reps: quick ? 7 : 21 };
  const slow = { warmup: 1, reps: quick ? 2 : 5 };
  const spec = { lookback: W, features: DEFAULT_FEATURES };
  const rows = [];

  const m = interleave(
    {
      ret: () => handReturn(c),
      sma: () => handSma(c, W),
      std: () => handRollingStd(c, W),
      ours: () => computeFeatures(c, spec),
      oursPlain: () => computeFeatures(plain, spec),
    },
    fast,
  );
  const { ret, sma, std, ours, oursPlain } = m;
  const handTimes = ret.times.map((x, i) => x + sma.times[i] + std.times[i]);
  const hand = { times: handTimes, medianMs: median(handTimes), minMs: Math.min(...handTimes) };
  rows.push(row(group, "hand loop: simple return", ret, ret.medianMs));
  rows.push(row(group, "hand loop: SMA", sma, sma.medianMs));
  rows.push(row(group, "hand loop: rolling std (Σr, Σr²)", std, std.medianMs));
  rows.push({
    ...row(group, "hand loops: sum of the three", hand, hand.medianMs),
    note: "baseline for the target below (per repetition)",
  });
  const oursRatio = pairedRatio(ours.times, hand.times);
  rows.push({
    ...row(
      group,
      "@mle/features computeFeatures (4 default columns, Float64Array in)",
      ours,
      hand.medianMs,
    ),
    ratio: oursRatio,
    target: "≤ 1.5 × sum of hand loops",
    pass: oursRatio <= 1.5,
    note: `${fmt(oursRatio)} × the three hand loops (median of per-repetition ratios; ratio of minimums ${fmt(ours.minMs / hand.minMs)})`,
  });
  rows.push({
    ...row(
      group,
      "@mle/features computeFeatures (number[] in: validated + copied)",
      oursPlain,
      hand.medianMs,
    ),
    ratio: pairedRatio(oursPlain.times, hand.times),
    note: "for information",
  });

  // computeInto: the same four columns into caller-owned buffers (and returns scratch), reused
  // across calls: no column is allocated, which is what a dataset build over many series does.
  const validSpec = validateFeatureSpec(spec);
  const intoOut = validSpec.features.map(() => new Float64Array(n));
  const intoScratch = new Float64Array(n);
  const mi = interleave(
    {
      ret: () => handReturn(c),
      sma: () => handSma(c, W),
      std: () => handRollingStd(c, W),
      into: () => computeInto(c, validSpec, intoOut, { scratch: intoScratch }),
    },
    fast,
  );
  const handInto = mi.ret.times.map((x, i) => x + mi.sma.times[i] + mi.std.times[i]);
  const intoRatio = pairedRatio(mi.into.times, handInto);
  rows.push({
    ...row(
      group,
      "@mle/features computeInto (4 default columns into reused buffers)",
      mi.into,
      median(handInto),
    ),
    ratio: intoRatio,
    target: "≤ 1.5 × sum of hand loops",
    pass: intoRatio <= 1.5,
    note: `${fmt(intoRatio)} × the three hand loops measured alongside (ratio of minimums ${fmt(mi.into.minMs / Math.min(...handInto))})`,
  });

  // Agreement of our columns with the hand loops (sanity: same definitions).
  const t = ours.result;
  const handErr = Math.max(
    maxRelErr(t.values.simple_return, ret.result.subarray(W - 1), 1e-12),
    maxRelErr(t.values.moving_average, sma.result.subarray(1)),
    maxRelErr(t.values.rolling_volatility, std.result, 1e-12),
  );

  const scale = Math.sqrt(W / (W - 1)); // population std (÷w) → sample std (÷(w−1))

  const peers = interleave(
    {
      ours: () => computeFeatures(c, spec),
      indicatorts: () => {
        const r = indicatorts.roc(plain, { period: 1 }); // percent
        return {
          r,
          s: indicatorts.sma(plain, { period: W }),
          sd: indicatorts.mstd(r, { period: W }),
        };
      },
      tradingSignals: () => {
        const roc = new ROC(1);
        const sm = new SMA(W);
        const bb = new BollingerBands(W, 1);
        const r = new Float64Array(n);
        const mm = new Float64Array(n);
        const sd = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const x = plain[i];
          const rv = roc.add(x);
          r[i] = rv ?? Number.NaN;
          mm[i] = sm.add(x) ?? Number.NaN;
          if (rv !== null) {
            const b = bb.add(rv);
            sd[i] = b ? b.upper - b.middle : Number.NaN;
          } else sd[i] = Number.NaN;
        }
        return { r, m: mm, sd };
      },
    },
    slow,
  );
  const indi = peers.indicatorts;
  const tsig = peers.tradingSignals;
  const indiRatio = pairedRatio(indi.times, peers.ours.times);
  const tsigRatio = pairedRatio(tsig.times, peers.ours.times);
  const indiErr = maxRelErr(
    indi.result.sd.slice(W).map((x) => (x / 100) * scale),
    t.values.rolling_volatility,
    1e-12,
  );
  rows.push({
    ...row(group, "indicatorts 2.2.2: roc + sma + mstd (of roc)", indi, peers.ours.medianMs),
    ratio: indiRatio,
    target: "≥ 3 × slower than ours",
    pass: indiRatio >= 3,
    note: `ours is ${fmt(indiRatio)} × faster (ratio of minimums ${fmt(indi.minMs / peers.ours.minMs)}); mstd·√(w/(w−1))/100 vs our volatility: max rel err ${fmt(indiErr)}`,
  });
  const tsigErr = maxRelErr(
    Array.from(tsig.result.sd.subarray(W), (x) => x * scale),
    t.values.rolling_volatility,
    1e-12,
  );
  rows.push({
    ...row(
      group,
      "trading-signals 8.3.0: ROC + SMA + BollingerBands (of ROC)",
      tsig,
      peers.ours.medianMs,
    ),
    ratio: tsigRatio,
    target: "≥ 20 × slower than ours",
    pass: tsigRatio >= 20,
    note: `ours is ${fmt(tsigRatio)} × faster (ratio of minimums ${fmt(tsig.minMs / peers.ours.minMs)}); (upper−middle)·√(w/(w−1)) vs our volatility: max rel err ${fmt(tsigErr)}`,
  });

  if (!quick) {
    const tind = measure(
      () => {
        const r = technicalindicators.ROC.calculate({ period: 1, values: plain }); // percent, from index 1
        const s = technicalindicators.SMA.calculate({ period: W, values: plain });
        const sd = technicalindicators.SD.calculate({ period: W, values: r });
        return { r, s, sd };
      },
      { warmup: 0, reps: 3 },
    );
    const tindErr = maxRelErr(
      tind.result.sd.map((x) => (x / 100) * scale),
      t.values.rolling_volatility,
      1e-12,
    );
    rows.push({
      ...row(group, "technicalindicators 3.1.0: ROC + SMA + SD (of ROC)", tind, ours.medianMs),
      note: `ours is ${fmt(tind.medianMs / ours.medianMs)} × faster (medians); SD·√(w/(w−1))/100 vs our volatility: max rel err ${fmt(tindErr)}`,
    });
  }

  // Peers recompute each window from scratch (two-pass), so they must agree to rounding; the
  // naive hand loop's running Σr² drifts, which is shown but not held against anyone.
  const agreeOk = indiErr < 1e-9 && tsigErr < 1e-9;
  rows.push({
    group,
    name: "agreement of the volatility columns (peers scaled by √(w/(w−1)))",
    medianMs: Number.NaN,
    minMs: Number.NaN,
    baselineMs: Number.NaN,
    ratio: Number.NaN,
    target: "all agree",
    pass: agreeOk,
    note: `max rel err vs ours: indicatorts ${fmt(indiErr)}, trading-signals ${fmt(tsigErr)}; naive Σr/Σr² hand loop ${fmt(handErr)} (drifts, for information)`,
  });
  return rows;
}

/** Candles around a close walk: open near the previous close, high/low beyond both, volume. */
function makeCandles(n, seed) {
  const c = makeCloses(n, seed);
  const rnd = prng(seed + 1);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const volume = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const o = t === 0 ? c[0] : c[t - 1] * (1 + (rnd() - 0.5) * 0.004);
    open[t] = o;
    high[t] = Math.max(o, c[t]) * (1 + rnd() * 0.01);
    low[t] = Math.min(o, c[t]) * (1 - rnd() * 0.01);
    volume[t] = Math.round(rnd() * 1e6);
  }
  return { close: c, open, high, low, volume };
}

/**
 * ATR, MACD and VWAP against the peers that have them, same run. Each peer is timed doing its own
 * version of the work, and definitions differ where said:
 * - indicatorts' atr smooths the true range with an SMA (not Wilder); its macd returns the line
 *   and the signal only (no histogram; ours computes all three columns); its vwap weights the
 *   close (not the typical price).
 * - trading-signals has no windowed VWAP: its `VWAP` is cumulative over the whole series (one
 *   running sum, a cheaper and different feature), shown for information without a target. Its
 *   windowed volume-weighted average is `VWMA(20)` (close-weighted, like indicatorts' vwap), which
 *   carries the target; it re-sums its 20 candles per bar, which is how it computes it.
 * Our calls validate every candle (prices finite and > 0, volume >= 0, the OHLC order) and
 * allocate their output columns; the peers validate nothing.
 */
function ohlcvGroup(quick) {
  const n = quick ? 50_000 : 1_000_000;
  const group = `features OHLCV batch: ${n.toLocaleString("en-US")} candles`;
  const k = makeCandles(n, 11);
  const plain = {
    close: Array.from(k.close),
    high: Array.from(k.high),
    low: Array.from(k.low),
    volume: Array.from(k.volume),
  };
  const bars = plain.close.map((close, i) => ({
    close,
    high: plain.high[i],
    low: plain.low[i],
    volume: plain.volume[i],
  }));
  const reps = { warmup: quick ? 1 : 2, reps: quick ? 3 : 11 };
  const rows = [];
  const cases = [
    {
      name: "ATR(14)",
      spec: { features: ["atr_14"] },
      indicatorts: () => indicatorts.atr(plain.high, plain.low, plain.close, { period: 14 }),
      tradingSignals: () => {
        const a = new ATR(14);
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = a.add(bars[i]) ?? Number.NaN;
        return out;
      },
    },
    {
      name: "MACD(12, 26, 9) line + signal + histogram",
      spec: { features: ["macd_12_26_9", "macd_signal_12_26_9", "macd_histogram_12_26_9"] },
      indicatorts: () => indicatorts.macd(plain.close, { fast: 12, slow: 26, signal: 9 }), // line + signal
      tradingSignals: () => {
        const m = new MACD(new EMA(12), new EMA(26), new EMA(9));
        const line = new Float64Array(n);
        const signal = new Float64Array(n);
        const hist = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const r = m.add(plain.close[i]);
          line[i] = r ? r.macd : Number.NaN;
          signal[i] = r ? r.signal : Number.NaN;
          hist[i] = r ? r.histogram : Number.NaN;
        }
        return { line, signal, hist };
      },
    },
    {
      name: "VWAP(20)",
      spec: { features: ["vwap_20"] },
      indicatorts: () => indicatorts.vwap(plain.close, plain.volume, { period: 20 }),
      tradingSignals: () => {
        const v = new VWMA(20);
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = v.add(bars[i]) ?? Number.NaN;
        return out;
      },
      tradingSignalsLabel: "VWMA(20), its windowed volume-weighted average",
      extra: {
        tradingSignalsCumulative: () => {
          const v = new VWAP();
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = v.add(bars[i]) ?? Number.NaN;
          return out;
        },
      },
    },
  ];
  for (const {
    name,
    spec,
    indicatorts: indi,
    tradingSignals,
    tradingSignalsLabel,
    extra,
  } of cases) {
    const m = interleave(
      { ours: () => computeFeatures(k, spec), indicatorts: indi, tradingSignals, ...extra },
      reps,
    );
    rows.push(
      row(group, `@mle/features ${name} (Float64Array columns in)`, m.ours, m.ours.medianMs),
    );
    for (const [peer, label] of [
      ["indicatorts", `indicatorts 2.2.2: ${name}`],
      ["tradingSignals", `trading-signals 8.3.0: ${tradingSignalsLabel ?? name}`],
    ]) {
      const ratio = pairedRatio(m[peer].times, m.ours.times);
      rows.push({
        ...row(group, label, m[peer], m.ours.medianMs),
        ratio,
        target: "≥ 5 × slower than ours",
        pass: ratio >= 5,
        note: `ours is ${fmt(ratio)} × faster (ratio of minimums ${fmt(m[peer].minMs / m.ours.minMs)})`,
      });
    }
    if (m.tradingSignalsCumulative) {
      const c = m.tradingSignalsCumulative;
      const ratio = pairedRatio(c.times, m.ours.times);
      rows.push({
        ...row(group, "trading-signals 8.3.0: VWAP (cumulative, no window)", c, m.ours.medianMs),
        ratio,
        note: `a different feature (one running sum over the whole series), for information: ours (windowed) is ${fmt(ratio)} × faster (ratio of minimums ${fmt(c.minMs / m.ours.minMs)})`,
      });
    }
  }
  return rows;
}

function streamGroup(quick) {
  const n = quick ? 200_000 : 1_000_000;
  const group = "features incremental: createFeatureStream, window 20";
  const c = makeCloses(n, 2);
  const rows = [];
  for (const features of [
    DEFAULT_FEATURES,
    [
      "close",
      "simple_return",
      "log_return",
      "moving_average",
      "rolling_volatility",
      "ema",
      "rsi",
      "zscore",
    ],
  ]) {
    const s = createFeatureStream({ lookback: W, features });
    const out = new Float64Array(features.length);
    const m = measure(
      () => {
        s.reset();
        let acc = 0;
        for (let i = 0; i < n; i++) if (s.push(c[i]) && s.latestInto(out)) acc += out[0];
        return acc;
      },
      { warmup: 2, reps: quick ? 3 : 7 },
    );
    const nsPerCandle = (m.medianMs * 1e6) / n;
    const isDefault = features.length === DEFAULT_FEATURES.length;
    rows.push({
      ...row(
        group,
        `push + latestInto, ${features.length} features, per ${n.toLocaleString("en-US")} candles`,
        m,
        n / 1000,
      ),
      ...(isDefault ? { target: "< 1 µs per candle", pass: nsPerCandle < 1000 } : {}),
      note: `${nsPerCandle.toFixed(0)} ns per candle (min ${((m.minMs * 1e6) / n).toFixed(0)} ns); baselineMs = the 1 µs/candle budget${isDefault ? "" : "; all eight features, for information"}`,
    });
  }
  return rows;
}

/** Two-pass reference at input index t: mean of closes and sample std of returns over the window. */
function twoPassAt(c, w, t) {
  let s = 0;
  for (let j = t - w + 1; j <= t; j++) s += c[j];
  const ma = s / w;
  let rs = 0;
  for (let j = t - w + 1; j <= t; j++) rs += c[j] / c[j - 1] - 1;
  const rm = rs / w;
  let q = 0;
  for (let j = t - w + 1; j <= t; j++) {
    const d = c[j] / c[j - 1] - 1 - rm;
    q += d * d;
  }
  return { ma, vol: Math.sqrt(q / (w - 1)) };
}

function accuracyGroup(quick) {
  const n = quick ? 1_000_000 : 10_000_000;
  const group = `features accuracy: ${n.toLocaleString("en-US")} closes of a slowly drifting price`;
  // Slow upward drift near 1e4 with small moves: the worst case for running sums.
  const c = makeCloses(n, 3, 10_000, 1e-6);
  const rows = [];
  for (const w of [20, 500]) {
    const spec = { lookback: w, features: DEFAULT_FEATURES };
    const ours = measure(() => computeFeatures(c, spec), { warmup: 0, reps: 1 });
    const hand = measure(() => handRollingStd(c, w), { warmup: 0, reps: 1 });
    const t = ours.result;
    let oursErr = 0;
    let maErr = 0;
    let handErr = 0;
    for (let i = n - 1000; i < n; i++) {
      const ref = twoPassAt(c, w, i);
      oursErr = Math.max(oursErr, Math.abs(t.values.rolling_volatility[i - w] - ref.vol) / ref.vol);
      maErr = Math.max(maErr, Math.abs(t.values.moving_average[i - w] - ref.ma) / ref.ma);
      handErr = Math.max(handErr, Math.abs(hand.result[i - w] - ref.vol) / ref.vol);
    }
    rows.push({
      group,
      name: `window ${w}: last 1,000 rows vs two-pass reference`,
      medianMs: ours.medianMs,
      minMs: ours.minMs,
      baselineMs: Number.NaN,
      ratio: Number.NaN,
      maxRelErr: Math.max(oursErr, maErr),
      target: "≤ 1e-9 relative",
      pass: oursErr <= 1e-9 && maErr <= 1e-9,
      note: `max rel err: volatility ${fmt(oursErr)}, moving average ${fmt(maErr)}; the naive Σr/Σr² hand loop: ${fmt(handErr)}. Time = one computeFeatures call (4 columns), single run`,
    });
  }
  return rows;
}

/** Runs every features benchmark; `quick` uses smaller series and fewer repetitions. */
export async function run({ quick = false } = {}) {
  return [
    ...batchGroup(quick),
    ...ohlcvGroup(quick),
    ...streamGroup(quick),
    ...accuracyGroup(quick),
  ];
}

/** Markdown table of rows. */
export function toMarkdown(rows) {
  const num = (x) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : "");
  const lines = [
    "| group | name | median ms | min ms | baseline ms | ratio | target | pass | note |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |",
  ];
  for (const r of rows) {
    const pass = r.pass === undefined ? "" : r.pass ? "yes" : "NO";
    lines.push(
      `| ${r.group} | ${r.name} | ${num(r.medianMs)} | ${num(r.minMs)} | ${num(r.baselineMs)} | ${Number.isFinite(r.ratio) ? r.ratio.toFixed(3) : ""} | ${r.target ?? ""} | ${pass} | ${r.note} |`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  const rows = await run({ quick });
  console.log(`node ${process.version}, ${quick ? "quick" : "full"} mode\n`);
  console.log(toMarkdown(rows));
  if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}
