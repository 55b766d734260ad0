/**
 * The small `train.yaml` the train, predict and jobs tests run: AAPL and MSFT, lookback 10,
 * 3 folds, a few hundred sample candles. Each test names only what it changes.
 * @module
 */

export interface SmallTrainConfig {
  /** Candles per symbol (default 200). */
  readonly candles?: number;
  /** A `features:` list (default none: the four default columns). */
  readonly features?: readonly string[];
  /** The `cv:` section: 3 folds with `gap` (default 10; `null` for none), or `false` for no section. */
  readonly cv?: { readonly gap: number | null } | false;
  /** `registry_dir:` as YAML text (default `models`; quote a path yourself), or `null` for none. */
  readonly registryDir?: string | null;
  /** Adds `activate: true`. */
  readonly activate?: boolean;
}

/** A small training config as YAML text, its lines in the order a person writes them. */
export function smallTrainConfig(options: SmallTrainConfig = {}): string {
  const lines = ["symbols: [AAPL, MSFT]", "lookback: 10", `candles: ${options.candles ?? 200}`];
  if (options.features) lines.push(`features: [${options.features.join(", ")}]`);
  const cv = options.cv ?? { gap: 10 };
  if (cv) lines.push("cv:", "  folds: 3", ...(cv.gap === null ? [] : [`  gap: ${cv.gap}`]));
  const registryDir = options.registryDir === undefined ? "models" : options.registryDir;
  if (registryDir !== null) lines.push(`registry_dir: ${registryDir}`);
  if (options.activate) lines.push("activate: true");
  return lines.join("\n");
}
