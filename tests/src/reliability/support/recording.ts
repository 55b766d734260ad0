import type { MarketDataSource } from "@mle/market-client";
import type { RegistryStore } from "@mle/registry";

/** Wraps a registry store and records every string argument (names of folders and files) it is called with. */
export function recordingStore(inner: RegistryStore, names: string[]): RegistryStore {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        for (const a of args) if (typeof a === "string") names.push(a);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Wraps a source and records every symbol it is asked for. */
export function recordingSource(inner: MarketDataSource, symbols: string[]): MarketDataSource {
  return {
    kind: inner.kind,
    getCandles(symbol, options) {
      symbols.push(symbol);
      return inner.getCandles(symbol, options);
    },
  };
}
