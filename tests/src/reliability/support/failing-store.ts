import type { RegistryStore } from "@mle/registry";

/** A Node-style errno error, as a full disk or a read-only mount raises it. */
function errnoError(code: string, syscall: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: simulated, ${syscall}`);
  e.code = code;
  e.syscall = syscall;
  return e;
}

/**
 * A store whose `write` calls fail with `code` from the `failAt`-th one on (1-based), like a disk
 * that fills up during a save. Everything else goes to `inner`.
 */
export function failingWritesStore(
  inner: RegistryStore,
  failAt: number,
  code = "ENOSPC",
): RegistryStore {
  let writes = 0;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop !== "write" || typeof value !== "function") {
        return typeof value === "function"
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      }
      return (...args: unknown[]) => {
        writes++;
        if (writes >= failAt) return Promise.reject(errnoError(code, "write"));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
