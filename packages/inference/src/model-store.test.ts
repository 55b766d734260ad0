import { createSampleSource } from "@mle/market-client";
import type { Registry } from "@mle/registry";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { tempRegistryPerTest } from "../test/fixtures";
import { ModelStore } from "./model-store";

const sample = createSampleSource({ seed: 7 });
const temp = tempRegistryPerTest();

/**
 * The real registry, whose getActive is held after reading the pointer until `release()` while
 * `holding`: a check that started earlier (stamp and version read) finishes with a stale answer.
 */
function slowPointer(inner: Registry): {
  registry: Registry;
  hold(): void;
  release(): void;
  waiting(): boolean;
} {
  let holding = false;
  let gates: Array<() => void> = [];
  const registry: Registry = {
    ...inner,
    getActive: async () => {
      const version = await inner.getActive();
      if (holding) await new Promise<void>((resolve) => gates.push(resolve));
      return version;
    },
  };
  return {
    registry,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      const open = gates;
      gates = [];
      for (const gate of open) gate();
    },
    waiting: () => gates.length > 0,
  };
}

describe("ModelStore", () => {
  it("runs a forced check again after a running one that read the pointer before it moved", async () => {
    const v1 = await saveSample(temp.registry, sample);
    const v2 = await saveSample(temp.registry, sample, { lookback: 6, activate: false });
    const slow = slowPointer(temp.registry);
    const store = new ModelStore({
      registry: slow.registry,
      clock: () => 0,
      reloadCheckMs: 60_000,
      maxModels: 4,
    });
    slow.hold();
    const early = store.check(true);
    while (!slow.waiting()) await new Promise((r) => setTimeout(r, 1));
    await temp.registry.activate(v2);
    const forced = store.check(true);
    slow.release();
    await early;
    await forced;
    expect(store.serving?.version).toBe(v2);
    expect((await store.active()).version).toBe(v2);
    expect(v1).not.toBe(v2);
  });
});

describe("ModelStore in background reload mode", () => {
  it("answers from the loaded model at once while a due check hangs, and swaps once it finishes", async () => {
    const v1 = await saveSample(temp.registry, sample);
    let now = 0;
    const slow = slowPointer(temp.registry);
    const store = new ModelStore({
      registry: slow.registry,
      clock: () => now,
      reloadCheckMs: 100,
      maxModels: 4,
      reloadMode: "background",
    });
    expect((await store.resolve()).version).toBe(v1);
    const v2 = await saveSample(temp.registry, sample, { lookback: 6 });
    slow.hold();
    now += 101;
    // The due check is stuck in the store (a remote store timing out): the request does not wait.
    expect((await store.resolve()).version).toBe(v1);
    for (let i = 0; i < 100 && !slow.waiting(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(slow.waiting()).toBe(true);
    expect((await store.resolve()).version).toBe(v1);
    slow.release();
    await store.check(false);
    expect((await store.resolve()).version).toBe(v2);
  });
});
