import { describe, expect, it } from "vitest";
import { SingleFlight, withSignal } from "./single-flight";

describe("SingleFlight", () => {
  it("runs concurrent calls with the same key once and gives each the same result", async () => {
    const flight = new SingleFlight<string, number>();
    let runs = 0;
    let release: (v: number) => void = () => {};
    const gate = new Promise<number>((r) => {
      release = r;
    });
    const run = () => {
      runs++;
      return gate;
    };
    const all = Promise.all([flight.do("a", run), flight.do("a", run), flight.do("a", run)]);
    expect(flight.size).toBe(1);
    release(7);
    expect(await all).toEqual([7, 7, 7]);
    expect(runs).toBe(1);
    expect(flight.size).toBe(0);
  });

  it("runs different keys separately and runs again after settling", async () => {
    const flight = new SingleFlight<string, string>();
    let runs = 0;
    const run = async () => `run${++runs}`;
    expect(await Promise.all([flight.do("a", run), flight.do("b", run)])).toEqual(["run1", "run2"]);
    expect(await flight.do("a", run)).toBe("run3");
  });

  it("shares a rejection with every waiter and then forgets it", async () => {
    const flight = new SingleFlight<string, string>();
    const failing = async () => {
      throw new Error("boom");
    };
    await expect(Promise.all([flight.do("a", failing), flight.do("a", failing)])).rejects.toThrow(
      "boom",
    );
    expect(await flight.do("a", async () => "ok")).toBe("ok");
  });
});

describe("withSignal", () => {
  it("rejects a waiter whose signal aborts without affecting the shared work", async () => {
    let release: (v: string) => void = () => {};
    const shared = new Promise<string>((r) => {
      release = r;
    });
    const controller = new AbortController();
    const aborted = withSignal(shared, controller.signal);
    const other = withSignal(shared, new AbortController().signal);
    controller.abort(new Error("client went away"));
    await expect(aborted).rejects.toThrow("client went away");
    release("done");
    expect(await other).toBe("done");
  });

  it("rejects at once when the signal is already aborted", async () => {
    await expect(withSignal(Promise.resolve(1), AbortSignal.abort(new Error("x")))).rejects.toThrow(
      "x",
    );
  });
});
