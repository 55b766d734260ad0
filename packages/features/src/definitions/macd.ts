import type { FeatureDefinition, FeatureKernel } from "../definition";
import { converging, type HistoryNeed } from "../history";
import type { FeatureName } from "../names";
import type { ParamDefinition, Params } from "../params";
import { MAX_WINDOW } from "../params";

/** An EMA exactly as the `ema` feature computes it: SMA seed of the first n values, alpha 2/(n+1). */
class Ema {
  private count = 0;
  private sum = 0;
  value = Number.NaN;
  private readonly alpha: number;
  // the state before the last push, for undo
  private sCount = 0;
  private sSum = 0;
  private sValue = Number.NaN;
  constructor(private readonly n: number) {
    this.alpha = 2 / (n + 1);
  }
  push(x: number): number {
    this.sCount = this.count;
    this.sSum = this.sum;
    this.sValue = this.value;
    if (this.count >= this.n) return (this.value += this.alpha * (x - this.value));
    this.sum += x;
    if (++this.count === this.n) this.value = this.sum / this.n;
    return this.value;
  }
  undo(): void {
    this.count = this.sCount;
    this.sum = this.sSum;
    this.value = this.sValue;
  }
  reset(): void {
    this.count = 0;
    this.sum = 0;
    this.value = Number.NaN;
  }
}

/** MACD line, signal and histogram of one bar, NaN where not yet defined. */
class Macd {
  line = Number.NaN;
  signal = Number.NaN;
  private readonly fast: Ema;
  private readonly slow: Ema;
  private readonly sig: Ema;
  private seen = 0;
  private sLine = Number.NaN;
  private sSignal = Number.NaN;
  constructor(
    f: number,
    private readonly s: number,
    g: number,
  ) {
    this.fast = new Ema(f);
    this.slow = new Ema(s);
    this.sig = new Ema(g);
  }
  push(c: number): void {
    this.sLine = this.line;
    this.sSignal = this.signal;
    const a = this.fast.push(c);
    const b = this.slow.push(c);
    if (++this.seen < this.s) return;
    this.line = a - b;
    this.signal = this.sig.push(this.line);
  }
  /** Takes back the last `push` (once). */
  undo(): void {
    if (this.seen >= this.s) this.sig.undo(); // that push reached the signal EMA
    this.seen--;
    this.fast.undo();
    this.slow.undo();
    this.line = this.sLine;
    this.signal = this.sSignal;
  }
  reset(): void {
    this.fast.reset();
    this.slow.reset();
    this.sig.reset();
    this.seen = 0;
    this.line = Number.NaN;
    this.signal = Number.NaN;
  }
}

const PARAMS: readonly ParamDefinition[] = [
  { name: "fast", summary: "fast EMA span", min: 1, max: MAX_WINDOW, default: 12 },
  { name: "slow", summary: "slow EMA span (> fast)", min: 2, max: MAX_WINDOW, default: 26 },
  {
    name: "signal",
    summary: "signal EMA span over the MACD line",
    min: 1,
    max: MAX_WINDOW,
    default: 9,
  },
];

function history(p: Params): HistoryNeed {
  const slow = converging(2 / (p.slow! + 1), p.slow!);
  const signal = converging(2 / (p.signal! + 1), p.signal!);
  if (slow.kind !== "converging" || signal.kind !== "converging") return slow;
  // the signal EMA averages the line: its warm-up comes on top of the line's
  return {
    kind: "converging",
    warmup: slow.warmup + signal.warmup,
    tolerance: slow.tolerance + signal.tolerance,
  };
}

/**
 * The MACD line and signal over the whole series (NaN where undefined): `Macd`'s arithmetic in
 * one plain loop (MACD is benchmarked against the peers), shared by the three MACD columns of a
 * call. Each EMA is `Ema.push` step for step, so the values equal the stream's bit for bit.
 */
function macdSeries(c: Float64Array, f: number, s: number, g: number) {
  const n = c.length;
  const line = new Float64Array(n);
  const signal = new Float64Array(n);
  const af = 2 / (f + 1);
  const as = 2 / (s + 1);
  const ag = 2 / (g + 1);
  let sf = 0;
  let ss = 0;
  let sg = 0;
  let vf = Number.NaN;
  let vs = Number.NaN;
  let vg = Number.NaN;
  for (let t = 0; t < n; t++) {
    const x = c[t]!;
    if (t >= f) vf += af * (x - vf);
    else {
      sf += x;
      if (t + 1 === f) vf = sf / f;
    }
    if (t >= s) vs += as * (x - vs);
    else {
      ss += x;
      if (t + 1 === s) vs = ss / s;
    }
    if (t + 1 < s) {
      line[t] = Number.NaN;
      signal[t] = Number.NaN;
      continue;
    }
    const l = vf - vs;
    line[t] = l;
    const j = t - (s - 1); // lines pushed into the signal EMA before this one
    if (j >= g) vg += ag * (l - vg);
    else {
      sg += l;
      if (j + 1 === g) vg = sg / g;
    }
    signal[t] = vg;
  }
  return { line, signal };
}

function macdFeature(
  name: FeatureName,
  summary: string,
  firstIndex: (p: Params) => number,
  read: (m: Macd) => number,
  part: "line" | "signal" | "histogram",
): FeatureDefinition {
  const def: FeatureDefinition = {
    name,
    summary,
    inputs: ["close"],
    params: PARAMS,
    checkParams: (p) =>
      p.fast! < p.slow! ? undefined : `fast (${p.fast}) must be below slow (${p.slow})`,
    firstIndex,
    history,
    batch(input, p, offset, into) {
      const { fast: f, slow: s, signal: g } = p as Required<Params>;
      const c = input.closes;
      const { line, signal } = input.shared(`macd_${f}_${s}_${g}`, () => macdSeries(c, f!, s!, g!));
      const n = c.length;
      const out = into ?? new Float64Array(n - offset);
      // one monomorphic loop per column (a shared loop calling `column` measured 2.5 × slower)
      if (part === "line") out.set(line.subarray(offset));
      else if (part === "signal") out.set(signal.subarray(offset));
      else for (let t = offset; t < n; t++) out[t - offset] = line[t]! - signal[t]!;
      return out;
    },
    createKernel(p): FeatureKernel {
      const m = new Macd(p.fast!, p.slow!, p.signal!);
      return {
        push(c) {
          m.push(c);
          return read(m);
        },
        undo() {
          m.undo();
        },
        reset() {
          m.reset();
        },
      };
    },
  };
  return def;
}

/** MACD line: EMA(fast) − EMA(slow) of the closes, each EMA as `ema` computes it. Defined from slow − 1. */
export const macd = macdFeature(
  "macd",
  "MACD line: EMA(fast) − EMA(slow) of the closes",
  (p) => p.slow! - 1,
  (m) => m.line,
  "line",
);

/** MACD signal: EMA(signal) of the MACD line, seeded with the mean of its first `signal` values. */
export const macdSignal = macdFeature(
  "macd_signal",
  "MACD signal: EMA(signal) of the MACD line",
  (p) => p.slow! + p.signal! - 2,
  (m) => m.signal,
  "signal",
);

/** MACD histogram: line − signal. */
export const macdHistogram = macdFeature(
  "macd_histogram",
  "MACD histogram: MACD line − signal",
  (p) => p.slow! + p.signal! - 2,
  (m) => m.line - m.signal,
  "histogram",
);
