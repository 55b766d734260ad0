import { batchFromKernel, type FeatureDefinition, type FeatureKernel } from "../definition";
import { type HistoryNeed, converging } from "../history";
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

function macdFeature(
  name: FeatureName,
  summary: string,
  firstIndex: (p: Params) => number,
  read: (m: Macd) => number,
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
      return batchFromKernel(def.createKernel(p), input, offset, into);
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
);

/** MACD signal: EMA(signal) of the MACD line, seeded with the mean of its first `signal` values. */
export const macdSignal = macdFeature(
  "macd_signal",
  "MACD signal: EMA(signal) of the MACD line",
  (p) => p.slow! + p.signal! - 2,
  (m) => m.signal,
);

/** MACD histogram: line − signal. */
export const macdHistogram = macdFeature(
  "macd_histogram",
  "MACD histogram: MACD line − signal",
  (p) => p.slow! + p.signal! - 2,
  (m) => m.line - m.signal,
);
