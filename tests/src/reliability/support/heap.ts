import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * `gc()` without starting node with --expose-gc: the flag is set at run time and the function is
 * taken from a fresh context, where V8 installs it.
 */
export function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === "function") return existing;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** Heap in use after full collections (several passes, so weak references and finalizers settle). */
export async function settledHeapUsed(gc: () => void): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}
