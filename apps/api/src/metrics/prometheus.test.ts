import { describe, expect, it } from "vitest";
import { escapeLabelValue, formatValue } from "./format";
import { MetricsRegistry } from "./prometheus";

describe("MetricsRegistry", () => {
  it("renders counters with HELP, TYPE and escaped label values", () => {
    const reg = new MetricsRegistry();
    const c = reg.counter("x_total", "Things.\nMore.", ["route"]);
    c.inc({ route: 'a"b\\c\nd' });
    c.inc({ route: 'a"b\\c\nd' }, 2);
    expect(reg.render()).toBe(
      '# HELP x_total Things.\\nMore.\n# TYPE x_total counter\nx_total{route="a\\"b\\\\c\\nd"} 3\n',
    );
  });

  it("renders cumulative histogram buckets, +Inf, sum and count", () => {
    const reg = new MetricsRegistry();
    const h = reg.histogram("lat_seconds", "Latency.", ["route"], [0.1, 1]);
    h.observe({ route: "/x" }, 0.05);
    h.observe({ route: "/x" }, 0.5);
    h.observe({ route: "/x" }, 5);
    expect(reg.render().split("\n")).toEqual([
      "# HELP lat_seconds Latency.",
      "# TYPE lat_seconds histogram",
      'lat_seconds_bucket{route="/x",le="0.1"} 1',
      'lat_seconds_bucket{route="/x",le="1"} 2',
      'lat_seconds_bucket{route="/x",le="+Inf"} 3',
      'lat_seconds_sum{route="/x"} 5.55',
      'lat_seconds_count{route="/x"} 3',
      "",
    ]);
  });

  it("renders gauges and runs collectors before rendering", () => {
    const reg = new MetricsRegistry();
    const g = reg.gauge("g", "A gauge.");
    let n = 0;
    reg.onCollect(() => g.set({}, ++n));
    expect(reg.render()).toContain("\ng 1\n");
    expect(reg.render()).toContain("\ng 2\n");
  });

  it("refuses invalid names, duplicate metrics, the reserved le label and decreasing counters", () => {
    const reg = new MetricsRegistry();
    expect(() => reg.counter("bad-name", "x")).toThrow("invalid metric name");
    expect(() => reg.counter("ok", "x", ["le"])).toThrow("invalid label name");
    reg.counter("dup", "x");
    expect(() => reg.gauge("dup", "x")).toThrow("already registered");
    expect(() => reg.counter("c", "x").inc({}, -1)).toThrow("only increase");
  });
});

describe("format helpers", () => {
  it("escapes backslash, quote and newline in label values", () => {
    expect(escapeLabelValue('\\"\n')).toBe('\\\\\\"\\n');
  });
  it("formats non-finite values as Prometheus spells them", () => {
    expect([NaN, Infinity, -Infinity, 1.5].map(formatValue)).toEqual([
      "NaN",
      "+Inf",
      "-Inf",
      "1.5",
    ]);
  });
});
