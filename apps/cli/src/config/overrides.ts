import { CONFIG_FLAG_NAMES, CONFIG_FLAGS, type ConfigFlag } from "./train-options";

/** Config values that command-line flags may override; `undefined` means "not given". */
export interface TrainOverrides extends Partial<Record<ConfigFlag, unknown>> {
  readonly symbols?: readonly string[] | undefined;
  readonly lookback?: number | undefined;
  readonly candles?: number | undefined;
  readonly features?: readonly string[] | undefined;
  readonly validationFraction?: number | undefined;
  readonly folds?: number | undefined;
  readonly gap?: number | "auto" | undefined;
  readonly alpha?: number | undefined;
  /** `--model`: the kind (`model.type`); a different kind than the file's starts `model` afresh. */
  readonly model?: string | undefined;
  /** Hyperparameters from the kind flags and `--set key=value`, applied onto `model`. */
  readonly modelParams?: Readonly<Record<string, number>> | undefined;
  readonly seed?: number | undefined;
  readonly activate?: boolean | undefined;
  /** `--model-name`: which model of the registry (`model_name`). */
  readonly modelName?: string | undefined;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function section(raw: Record<string, unknown>, key: string): Record<string, unknown> {
  const current = raw[key];
  // A malformed section is kept as is so validation reports it; flags never hide a config error.
  if (current === undefined) return {};
  return isRecord(current) ? { ...current } : (current as Record<string, unknown>);
}

/**
 * Applies flag values onto the raw (unvalidated) config, so flag values go through the same
 * schema and their errors name the same key paths as the file's.
 *
 * @example
 * applyOverrides({ lookback: 20 }, { lookback: 30 }); // { lookback: 30 }
 */
export function applyOverrides(raw: unknown, o: TrainOverrides): unknown {
  if (!isRecord(raw)) return raw;
  const out: Record<string, unknown> = { ...raw };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  const setIn = (sectionKey: string, key: string, value: unknown) => {
    if (value === undefined) return;
    const s = section(out, sectionKey);
    if (isRecord(s)) out[sectionKey] = { ...s, [key]: value };
  };
  for (const name of CONFIG_FLAG_NAMES) {
    const raw = o[name];
    const value = Array.isArray(raw) ? [...raw] : raw;
    const [first, second] = CONFIG_FLAGS[name].path;
    if (second === undefined) set(first, value);
    else setIn(first, second, value);
  }
  set("activate", o.activate);
  applyModelOverrides(out, o);
  return out;
}

/**
 * `--model KIND` switches the kind (a section written for another kind is dropped, since its
 * keys would not apply), then `--alpha`, the kind flags and `--set` write `model.<key>`.
 */
function applyModelOverrides(out: Record<string, unknown>, o: TrainOverrides): void {
  const params: Record<string, unknown> = {
    ...(o.alpha === undefined ? {} : { alpha: o.alpha }),
    ...o.modelParams,
  };
  if (o.model === undefined && Object.keys(params).length === 0) return;
  const current = section(out, "model");
  // A malformed section stays as it is so validation reports it.
  if (!isRecord(current)) return;
  const currentType = current.type ?? "ridge";
  const base = o.model !== undefined && o.model !== currentType ? {} : current;
  out.model = { ...base, ...(o.model === undefined ? {} : { type: o.model }), ...params };
}
