/**
 * Which model serves a request: the active one (re-checked cheaply through the registry's
 * activeStamp at most every `reloadCheckMs`) or a named version (bounded LRU of loaded versions).
 * A failed reload never replaces the model in memory: the last good model keeps serving and the
 * failure is reported by {@link ModelStore.status}.
 * @module
 */
import { isAliasName, isVersionName, type Registry } from "@mle/registry";
import { EVALUATION_FILE } from "@mle/trainer";
import { InferenceError, NO_ACTIVE_MODEL_MESSAGE } from "./errors";
import { Lru } from "./lru";
import { fromRegistryError } from "./registry-errors";
import { type ServingModel, toServingModel } from "./serving-model";
import { SingleFlight } from "./single-flight";

/** The extra artifacts serving reads (the interval's calibration); predictions.json is the UI's. */
const SERVED_FILES = { files: [EVALUATION_FILE] } as const;

export interface ModelStoreOptions {
  readonly registry: Registry;
  readonly clock: () => number;
  readonly reloadCheckMs: number;
  readonly maxModels: number;
  readonly extraHistory?: number;
  /**
   * `inline` (default): a request that finds the check due waits for it. `background`: while a
   * model is serving, a due check runs behind the request, which is answered at once by the
   * model loaded (for remote stores, where a check is a network round trip that may time out).
   */
  readonly reloadMode?: "inline" | "background";
}

/** What the store knows about the active model. */
export interface ModelStatus {
  /** The model answering requests without a version, if any. */
  readonly serving: ServingModel | null;
  /** Why the registry's active version is not (or no longer) what is served; null when all is well. */
  readonly problem: InferenceError | null;
}

export class ModelStore {
  readonly #registry: Registry;
  readonly #clock: () => number;
  readonly #reloadCheckMs: number;
  readonly #extraHistory: number | undefined;
  readonly #versions: Lru<string, ServingModel>;
  readonly #loads = new SingleFlight<string, ServingModel>();
  #checking: Promise<void> | null = null;
  /** A forced check queued behind the running one (shared by every forced caller meanwhile). */
  #rerun: Promise<void> | null = null;
  #serving: ServingModel | null = null;
  #problem: InferenceError | null = null;
  #stamp: string | null | undefined = undefined;
  #checkedAt = Number.NEGATIVE_INFINITY;
  readonly #background: boolean;
  /** Aliases other than `active`: the version each named, and when that was read. */
  readonly #aliases = new Map<string, { version: string; at: number }>();

  constructor(options: ModelStoreOptions) {
    this.#registry = options.registry;
    this.#clock = options.clock;
    this.#reloadCheckMs = options.reloadCheckMs;
    this.#extraHistory = options.extraHistory;
    this.#versions = new Lru(options.maxModels);
    this.#background = options.reloadMode === "background";
  }

  /**
   * The model for a request: `version` undefined or `"active"` means the active model.
   * Throws InferenceError INVALID_VERSION (not a `vN` name) | NO_ACTIVE_MODEL | MODEL_NOT_FOUND |
   * MODEL_CORRUPT | INCOMPATIBLE_MODEL | REGISTRY_IO.
   */
  async resolve(version?: string): Promise<ServingModel> {
    if (version === undefined || version === "active") return this.active();
    if (isAliasName(version)) return this.#load(await this.#aliasVersion(version));
    if (!isVersionName(version as unknown)) {
      throw new InferenceError(
        "INVALID_VERSION",
        `Model version ${JSON.stringify(String(version).slice(0, 40))} is neither a version name nor an alias (versions look like v1, v2, ...; "active" means the active one)`,
      );
    }
    if (this.#serving?.version === version) return this.#serving;
    return this.#load(version);
  }

  /** The active model, re-checking the registry when the last check is older than reloadCheckMs. */
  async active(): Promise<ServingModel> {
    if (this.#background && this.#serving) {
      void this.check(false).catch(() => undefined);
      return this.#serving;
    }
    await this.check(false);
    if (this.#serving) return this.#serving;
    throw this.#problem ?? new InferenceError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
  }

  /** The model answering requests without a version, without checking the registry. */
  get serving(): ServingModel | null {
    return this.#serving;
  }

  /** Current knowledge, after a check when `fresh` (forced) or when one is due. */
  async status(fresh: boolean): Promise<ModelStatus> {
    await this.check(fresh);
    return { serving: this.#serving, problem: this.#problem };
  }

  /**
   * Looks at the registry's active pointer and swaps in the active model when it changed (or when
   * the previous attempt failed). A caller arriving while a check runs joins it (so the first
   * concurrent requests all wait for the first load instead of finding no model). A forced caller
   * arriving while a check runs gets one more check after it: the running one may have read the
   * pointer before the caller moved it (activate, then readiness).
   */
  check(force: boolean): Promise<void> {
    if (this.#checking) return force ? this.#queueRerun(this.#checking) : this.#checking;
    if (!force && this.#clock() - this.#checkedAt < this.#reloadCheckMs) return Promise.resolve();
    this.#checking = this.#check().finally(() => {
      this.#checking = null;
    });
    return this.#checking;
  }

  #queueRerun(running: Promise<void>): Promise<void> {
    if (this.#rerun) return this.#rerun;
    const rerun = running
      .catch(() => undefined)
      .then(() => {
        this.#rerun = null;
        return this.check(true);
      });
    this.#rerun = rerun;
    return rerun;
  }

  /**
   * Verifies on disk the version being served (artifacts re-hashed by the registry). Returns the
   * failure, or null when the files still match.
   */
  async verifyServing(): Promise<InferenceError | null> {
    const serving = this.#serving;
    if (!serving) return null;
    try {
      await this.#registry.load(serving.version, SERVED_FILES);
      return null;
    } catch (error) {
      return fromRegistryError(error, serving.version);
    }
  }

  clear(): void {
    this.#versions.clear();
    this.#aliases.clear();
  }

  /** The version an alias names, re-read at most every reloadCheckMs. */
  async #aliasVersion(alias: string): Promise<string> {
    const known = this.#aliases.get(alias);
    if (known && this.#clock() - known.at < this.#reloadCheckMs) return known.version;
    try {
      const version = await this.#registry.resolve(alias);
      this.#aliases.set(alias, { version, at: this.#clock() });
      return version;
    } catch (error) {
      // An unreachable store keeps the alias where it was last seen, like the active model.
      if (known && isUnavailable(error)) return known.version;
      throw fromRegistryError(error, alias);
    }
  }

  async #check(): Promise<void> {
    this.#checkedAt = this.#clock();
    let stamp: string | null;
    try {
      stamp = await this.#registry.activeStamp();
    } catch (error) {
      this.#problem = fromRegistryError(error, undefined);
      return;
    }
    if (stamp === this.#stamp && this.#problem === null) return;
    let version: string | null;
    try {
      version = await this.#registry.getActive();
    } catch (error) {
      this.#problem = fromRegistryError(error, undefined);
      return;
    }
    this.#stamp = stamp;
    if (version === null) {
      this.#problem = new InferenceError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
      return;
    }
    if (this.#serving?.version === version) {
      this.#problem = null;
      return;
    }
    try {
      this.#serving = await this.#load(version);
      this.#problem = null;
    } catch (error) {
      this.#problem = fromRegistryError(error, version);
    }
  }

  #load(version: string): Promise<ServingModel> {
    const cached = this.#versions.get(version);
    if (cached) return Promise.resolve(cached);
    return this.#loads.do(version, async () => {
      let model: ServingModel;
      try {
        model = toServingModel(await this.#registry.load(version, SERVED_FILES), this.#options());
      } catch (error) {
        throw fromRegistryError(error, version);
      }
      this.#versions.set(version, model);
      return model;
    });
  }

  #options() {
    return this.#extraHistory === undefined ? {} : { extraHistory: this.#extraHistory };
  }
}

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "REGISTRY_UNAVAILABLE" || code === "REGISTRY_IO";
}
