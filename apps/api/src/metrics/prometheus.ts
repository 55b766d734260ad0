import { escapeHelp, formatLabels, formatValue } from "./format";

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Label values keyed by label name. */
export type Labels = Readonly<Record<string, string | number>>;

abstract class Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {
    if (!NAME.test(name)) throw new Error(`invalid metric name ${name}`);
    for (const l of labelNames) {
      if (!LABEL.test(l) || l === "le") throw new Error(`invalid label name ${l}`);
    }
  }

  protected labelValues(labels: Labels): string[] {
    return this.labelNames.map((n) => String(labels[n] ?? ""));
  }

  abstract readonly type: "counter" | "gauge" | "histogram";
  abstract renderSamples(): string[];

  render(): string {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`]
      .concat(this.renderSamples())
      .join("\n");
  }
}

/** A monotonically increasing count per label set. */
export class Counter extends Metric {
  readonly type = "counter" as const;
  private readonly values = new Map<string, { labels: string[]; value: number }>();

  /** Adds `by` (default 1, must be ≥ 0). */
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new Error(`counter ${this.name} can only increase`);
    const values = this.labelValues(labels);
    const key = JSON.stringify(values);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels: values, value: by });
  }

  /** Current value for a label set (0 when never incremented). */
  get(labels: Labels = {}): number {
    return this.values.get(JSON.stringify(this.labelValues(labels)))?.value ?? 0;
  }

  renderSamples(): string[] {
    return [...this.values.values()].map(
      (e) => `${this.name}${formatLabels(this.labelNames, e.labels)} ${formatValue(e.value)}`,
    );
  }
}

/** A value that can go up and down per label set. */
export class Gauge extends Metric {
  readonly type = "gauge" as const;
  private readonly values = new Map<string, { labels: string[]; value: number }>();

  set(labels: Labels, value: number): void {
    const values = this.labelValues(labels);
    this.values.set(JSON.stringify(values), { labels: values, value });
  }

  get(labels: Labels = {}): number | undefined {
    return this.values.get(JSON.stringify(this.labelValues(labels)))?.value;
  }

  /** Drops every series (used for "exactly one label set is current" gauges). */
  clear(): void {
    this.values.clear();
  }

  renderSamples(): string[] {
    return [...this.values.values()].map(
      (e) => `${this.name}${formatLabels(this.labelNames, e.labels)} ${formatValue(e.value)}`,
    );
  }
}

/** Cumulative buckets, sum and count per label set. */
export class Histogram extends Metric {
  readonly type = "histogram" as const;
  private readonly buckets: readonly number[];
  private readonly values = new Map<
    string,
    { labels: string[]; counts: number[]; sum: number; count: number }
  >();

  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    buckets: readonly number[],
  ) {
    super(name, help, labelNames);
    const sorted = [...buckets].sort((a, b) => a - b);
    if (sorted.length === 0 || sorted.some((b, i) => !Number.isFinite(b) || b === sorted[i - 1])) {
      throw new Error(`histogram ${name} needs distinct finite buckets`);
    }
    this.buckets = sorted;
  }

  observe(labels: Labels, value: number): void {
    const values = this.labelValues(labels);
    const key = JSON.stringify(values);
    let entry = this.values.get(key);
    if (!entry) {
      entry = { labels: values, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.values.set(key, entry);
    }
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] as number)) entry.counts[i] = (entry.counts[i] as number) + 1;
    }
    entry.sum += value;
    entry.count += 1;
  }

  /** Number of observations for a label set. */
  count(labels: Labels = {}): number {
    return this.values.get(JSON.stringify(this.labelValues(labels)))?.count ?? 0;
  }

  renderSamples(): string[] {
    const lines: string[] = [];
    const names = [...this.labelNames, "le"];
    for (const e of this.values.values()) {
      this.buckets.forEach((b, i) => {
        lines.push(
          `${this.name}_bucket${formatLabels(names, [...e.labels, formatValue(b)])} ${e.counts[i]}`,
        );
      });
      lines.push(`${this.name}_bucket${formatLabels(names, [...e.labels, "+Inf"])} ${e.count}`);
      lines.push(
        `${this.name}_sum${formatLabels(this.labelNames, e.labels)} ${formatValue(e.sum)}`,
      );
      lines.push(`${this.name}_count${formatLabels(this.labelNames, e.labels)} ${e.count}`);
    }
    return lines;
  }
}

/**
 * A tiny Prometheus registry: create metrics, render them all in the text exposition format.
 *
 * @example
 * ```ts
 * const reg = new MetricsRegistry();
 * const hits = reg.counter("cache_hits_total", "Cache hits.", ["cache"]);
 * hits.inc({ cache: "inference" });
 * reg.render(); // "# HELP cache_hits_total Cache hits.\n# TYPE ...\ncache_hits_total{cache=\"inference\"} 1\n"
 * ```
 */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();
  private readonly collectors: Array<() => void> = [];

  private add<M extends Metric>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new Error(`metric ${metric.name} already registered`);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.add(new Counter(name, help, labelNames));
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.add(new Gauge(name, help, labelNames));
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[],
    buckets: readonly number[],
  ): Histogram {
    return this.add(new Histogram(name, help, labelNames, buckets));
  }

  /** Runs `fn` before each render (to refresh gauges read from elsewhere, e.g. breaker state). */
  onCollect(fn: () => void): void {
    this.collectors.push(fn);
  }

  /** The whole registry in Prometheus text format 0.0.4, ending with a newline. */
  render(): string {
    for (const fn of this.collectors) fn();
    return `${[...this.metrics.values()].map((m) => m.render()).join("\n")}\n`;
  }
}

/** The content type of {@link MetricsRegistry.render}. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
