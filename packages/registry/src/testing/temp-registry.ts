/**
 * A registry in a fresh temp folder, for the tests of every layer that stores models.
 * @module
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRegistry } from "../create-registry";
import type { Registry } from "../types";

export interface TempRegistryOptions {
  /** The temp folder's name prefix (default `mle-registry-`). */
  readonly prefix?: string;
  /** The registry's folder inside the temp folder, left uncreated (default: the temp folder itself). */
  readonly folder?: string;
  /** Clock for `created_at` (default the system clock). */
  readonly clock?: () => Date;
}

export interface TempRegistry {
  readonly registry: Registry;
  /** The temp folder. */
  readonly base: string;
  /** The registry's folder: `base`, or `base/<folder>`. */
  readonly dir: string;
  /** Removes the temp folder. */
  cleanup(): Promise<void>;
}

/** Creates a temp folder and a file registry in it; `cleanup` removes both. */
export async function tempRegistry(options: TempRegistryOptions = {}): Promise<TempRegistry> {
  const base = await mkdtemp(join(tmpdir(), options.prefix ?? "mle-registry-"));
  const dir = options.folder === undefined ? base : join(base, options.folder);
  const registry = createRegistry(options.clock ? { dir, clock: options.clock } : { dir });
  return { registry, base, dir, cleanup: () => rm(base, { recursive: true, force: true }) };
}

/**
 * The per-test hooks of a test runner: vitest's, jest's and node:test's all fit, so this subpath
 * imports none of them.
 */
export interface TestHooks {
  beforeEach(fn: () => Promise<void>): unknown;
  afterEach(fn: () => Promise<void>): unknown;
}

/**
 * Registers a fresh {@link tempRegistry} before each test and its removal after it. Read the
 * fields inside a test (or a later hook): each test sees its own registry.
 *
 * @example
 * ```ts
 * // beforeEach and afterEach of vitest (or jest, or node:test)
 * const temp = useTempRegistry({ beforeEach, afterEach });
 * it("starts empty", async () => expect(await temp.registry.list()).toEqual([]));
 * ```
 */
export function useTempRegistry(
  hooks: TestHooks,
  options: TempRegistryOptions = {},
): Omit<TempRegistry, "cleanup"> {
  let current: TempRegistry | undefined;
  hooks.beforeEach(async () => {
    current = await tempRegistry(options);
  });
  hooks.afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  const get = (): TempRegistry => {
    if (!current) throw new Error("useTempRegistry: read the registry inside a test");
    return current;
  };
  return {
    get registry() {
      return get().registry;
    },
    get base() {
      return get().base;
    },
    get dir() {
      return get().dir;
    },
  };
}
