import { type FeatureDefinition, kernelOver } from "../definition";
import { converging, type HistoryNeed } from "../history";
import { Ema } from "../kernels/ema";
import type { FeatureName } from "../names";
import type { ParamDefinition, Params } from "../params";
import { MAX_WINDOW } from "../params";

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

/** The three MACD columns of one call, each `n − offset` long. */
interface MacdColumns {
  readonly line: Float64Array;
  readonly signal: Float64Array;
  readonly histogram: Float64Array;
}

/**
 * The MACD line, signal and histogram at input indices `offset .. n − 1`, written in one pass to
 * `line`, `signal` and `histogram` (NaN where not yet defined): `Macd`'s arithmetic in a plain loop
 * of locals (MACD is benchmarked against the peers). Each EMA is `Ema.push` step for step and the
 * histogram is `line − signal` of the same two values, so every value equals the stream's bit for
 * bit. The warm-up (SMA seeds) runs with its branches until every EMA is seeded and `offset` is
 * reached; the rest of the series then runs without a branch.
 */
function macdInto(
  c: Float64Array,
  f: number,
  s: number,
  g: number,
  offset: number,
  { line, signal, histogram }: MacdColumns,
): void {
  const n = c.length;
  const af = 2 / (f + 1);
  const as = 2 / (s + 1);
  const ag = 2 / (g + 1);
  let sf = 0;
  let ss = 0;
  let sg = 0;
  let vf = Number.NaN;
  let vs = Number.NaN;
  let vg = Number.NaN;
  // from s + g − 1 on, every EMA is past its seed (f < s)
  const steady = Math.min(n, Math.max(s + g - 1, offset));
  for (let t = 0; t < steady; t++) {
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
    if (t + 1 < s) continue; // offset >= s − 1: nothing to write yet
    const l = vf - vs;
    const j = t - (s - 1); // lines pushed into the signal EMA before this one
    if (j >= g) vg += ag * (l - vg);
    else {
      sg += l;
      if (j + 1 === g) vg = sg / g;
    }
    if (t >= offset) {
      const i = t - offset;
      line[i] = l;
      signal[i] = vg;
      histogram[i] = l - vg;
    }
  }
  for (let t = steady; t < n; t++) {
    const x = c[t]!;
    vf += af * (x - vf);
    vs += as * (x - vs);
    const l = vf - vs;
    vg += ag * (l - vg);
    const i = t - offset;
    line[i] = l;
    signal[i] = vg;
    histogram[i] = l - vg;
  }
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
      // The three columns come from one pass, shared by the MACD columns of the call; each is
      // written to its caller-owned buffer when there is one (computeInto), else to a new array.
      const shared = input.shared(`macd_${f}_${s}_${g}`, () => {
        const m = input.closes.length - offset;
        const buffer = (feature: FeatureName) => input.target(feature, p) ?? new Float64Array(m);
        const columns: MacdColumns = {
          line: buffer("macd"),
          signal: buffer("macd_signal"),
          histogram: buffer("macd_histogram"),
        };
        macdInto(input.closes, f!, s!, g!, offset, columns);
        return { columns, handedOut: new Set<string>() };
      });
      const column = shared.columns[part];
      if (into !== undefined) {
        if (into !== column) into.set(column);
        return into;
      }
      // a spec may name one column twice (`macd` and `macd_12_26_9`): no two columns share an array
      if (shared.handedOut.has(part)) return column.slice();
      shared.handedOut.add(part);
      return column;
    },
    createKernel(p) {
      const m = new Macd(p.fast!, p.slow!, p.signal!);
      return kernelOver(m, (c) => {
        m.push(c);
        return read(m);
      });
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
