import { DEFAULT_FEATURES, fetchFeatures, validateFeatureSpec } from "@mle/features";
import { InsufficientDataError, normalizeSymbol } from "@mle/market-client";
import { Command } from "commander";
import type { CliDeps } from "../deps";
import { CliError } from "../errors/cli-error";
import { formatNumber } from "../render/format";
import { renderTable } from "../render/table";
import { parseInteger, parseList } from "../util/parse-options";
import { sourceEnv } from "../util/source-env";

interface FeaturesOptions {
  readonly symbol: string;
  readonly lookback: number;
  readonly features: string[];
  readonly limit: number;
  readonly json: boolean;
}

/**
 * `mle features --symbol AAPL --lookback 20`: computes feature rows locally from the configured
 * data source (MARKET_DATA_*), without the API server. Newest row last.
 *
 * @example
 * program.addCommand(createFeaturesCommand(deps));
 */
export function createFeaturesCommand(deps: CliDeps): Command {
  return new Command("features")
    .description("compute feature rows for a symbol locally (no server needed)")
    .requiredOption("-s, --symbol <symbol>", "symbol, e.g. AAPL")
    .option("--lookback <n>", "feature window, 2-10000", parseInteger, 20)
    .option(
      "--features <list>",
      "comma-separated columns: names (lookback windows) or parameterised names like moving_average_50, rsi_14",
      parseList,
      [...DEFAULT_FEATURES],
    )
    .option("--limit <n>", "how many of the latest rows to print (1-10000)", parseInteger, 10)
    .option("--json", "print one JSON document on stdout", false)
    .action(async (opts: FeaturesOptions) => {
      const spec = validateFeatureSpec({ lookback: opts.lookback, features: opts.features });
      const symbol = normalizeSymbol(opts.symbol);
      if (opts.limit < 1 || opts.limit > 10_000) {
        throw new CliError("USAGE_ERROR", `--limit must be between 1 and 10000, got ${opts.limit}`);
      }
      const source = deps.createSource(sourceEnv(deps.env, deps.cwd));
      const window = await fetchFeatures({
        spec,
        rows: opts.limit,
        fetch: (limit) => source.getCandles(symbol, { limit }),
        insufficient: (needed, available) => new InsufficientDataError(symbol, needed, available),
      });
      const rows = window.bars.map((bar, i) => {
        const row: Record<string, number | string> = { timestamp: bar.timestamp };
        for (const name of spec.features) row[name] = window.values[name]![i]!;
        return row as { timestamp: string } & Record<string, number>;
      });
      if (opts.json) {
        deps.stdout.write(
          `${JSON.stringify({ symbol, lookback: spec.lookback, features: spec.features, source: source.kind, rows }, null, 2)}\n`,
        );
        return;
      }
      deps.stdout.write(
        renderTable(
          [
            { header: "timestamp" },
            ...spec.features.map((f) => ({ header: f, align: "right" as const })),
          ],
          rows.map((r) => [r.timestamp, ...spec.features.map((f) => formatNumber(r[f]))]),
        ),
      );
      deps.stdout.write(
        `${symbol}: ${rows.length} rows, lookback ${spec.lookback}, source ${source.kind}\n`,
      );
    });
}
