import { describe, expect, it } from "vitest";
import { type BreakerState, createCircuitBreaker } from "./circuit-breaker";

function setup() {
  let time = 0;
  const changes: string[] = [];
  const breaker = createCircuitBreaker({
    failureThreshold: 2,
    resetMs: 100,
    now: () => time,
    onStateChange: (from: BreakerState, to: BreakerState) => changes.push(`${from}->${to}`),
  });
  const fail = () => breaker.settle(breaker.acquire(), "failure");
  return { breaker, changes, fail, advance: (ms: number) => (time += ms) };
}

describe("createCircuitBreaker", () => {
  it("opens after the threshold of consecutive failures and refuses calls", () => {
    const { breaker, fail, changes } = setup();
    fail();
    expect(breaker.state).toBe("closed");
    fail();
    expect(breaker.state).toBe("open");
    expect(breaker.acquire().allowed).toBe(false);
    expect(changes).toEqual(["closed->open"]);
  });

  it("a success in between resets the count", () => {
    const { breaker, fail } = setup();
    fail();
    breaker.settle(breaker.acquire(), "success");
    fail();
    expect(breaker.state).toBe("closed");
  });

  it("lets exactly one probe through after resetMs and closes on its success", () => {
    const { breaker, fail, advance, changes } = setup();
    fail();
    fail();
    advance(100);
    const probe = breaker.acquire();
    expect(probe).toEqual({ allowed: true, probe: true });
    expect(breaker.state).toBe("half-open");
    expect(breaker.acquire().allowed).toBe(false);
    breaker.settle(probe, "success");
    expect(breaker.state).toBe("closed");
    expect(changes).toEqual(["closed->open", "open->half-open", "half-open->closed"]);
  });

  it("re-opens for another resetMs when the probe fails", () => {
    const { breaker, fail, advance } = setup();
    fail();
    fail();
    advance(150);
    breaker.settle(breaker.acquire(), "failure");
    expect(breaker.state).toBe("open");
    advance(99);
    expect(breaker.acquire().allowed).toBe(false);
    advance(1);
    expect(breaker.acquire().allowed).toBe(true);
  });

  it("frees the probe slot when the probe is aborted by its caller", () => {
    const { breaker, fail, advance } = setup();
    fail();
    fail();
    advance(100);
    breaker.settle(breaker.acquire(), "neutral");
    expect(breaker.state).toBe("half-open");
    expect(breaker.acquire()).toEqual({ allowed: true, probe: true });
  });
});
