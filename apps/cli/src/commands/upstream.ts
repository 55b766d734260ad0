import { startReferenceUpstream, type UpstreamFaults } from "@mle/market-client/testing";
import { Command, Option } from "commander";
import type { CliDeps } from "../deps";
import { parseInteger, parseNumber, parsePort } from "../util/parse-options";
import { sourceEnv } from "../util/source-env";

interface ServeOptions {
  readonly source: "sample" | "csv";
  readonly csvDir?: string;
  readonly seed?: number;
  readonly port: number;
  readonly host: string;
  readonly latencyMs?: number;
  readonly errorRate?: number;
  readonly errorStatus?: number;
  readonly malformedRate?: number;
  readonly schemaViolationRate?: number;
  readonly dropRate?: number;
  readonly truncateRate?: number;
  readonly retryAfter?: number;
  readonly json: boolean;
}

function faultsFrom(o: ServeOptions): UpstreamFaults {
  const faults: UpstreamFaults = {};
  const set = <K extends keyof UpstreamFaults>(key: K, value: UpstreamFaults[K] | undefined) => {
    if (value !== undefined) faults[key] = value;
  };
  set("latencyMs", o.latencyMs);
  set("errorRate", o.errorRate);
  set("errorStatus", o.errorStatus);
  set("malformedRate", o.malformedRate);
  set("schemaViolationRate", o.schemaViolationRate);
  set("dropRate", o.dropRate);
  set("truncateRate", o.truncateRate);
  set("retryAfterSeconds", o.retryAfter);
  return faults;
}

function createServeCommand(deps: CliDeps): Command {
  return new Command("serve")
    .description("serve candles over HTTP (the reference upstream), with optional injected faults")
    .addOption(
      new Option("--source <kind>", "where the candles come from")
        .choices(["sample", "csv"])
        .default("sample"),
    )
    .option("--csv-dir <path>", "folder of <SYMBOL>.csv files (with --source csv)")
    .option("--seed <n>", "sample seed (default: MARKET_DATA_SEED, else 42)", parseInteger)
    .option("-p, --port <n>", "port; 0 picks a free one", parsePort, 9000)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--latency-ms <n>", "delay every response by n ms (default 0)", parseInteger)
    .option(
      "--error-rate <x>",
      "share of requests answered with --error-status, 0-1 (default 0)",
      parseNumber,
    )
    .option("--error-status <n>", "status used by --error-rate (default 503)", parseInteger)
    .option(
      "--malformed-rate <x>",
      "share of responses with invalid JSON, 0-1 (default 0)",
      parseNumber,
    )
    .option(
      "--schema-violation-rate <x>",
      "share of responses with valid JSON of the wrong shape, 0-1 (default 0)",
      parseNumber,
    )
    .option(
      "--drop-rate <x>",
      "share of connections reset without an answer, 0-1 (default 0)",
      parseNumber,
    )
    .option("--truncate-rate <x>", "share of responses cut short, 0-1 (default 0)", parseNumber)
    .option(
      "--retry-after <s>",
      "Retry-After seconds sent with every injected error answer",
      parseInteger,
    )
    .option("--json", "print the listening address as one JSON line on stdout", false)
    .action(async (opts: ServeOptions) => {
      const overrides: Record<string, string> = { MARKET_DATA_SOURCE: opts.source };
      if (opts.csvDir !== undefined) overrides.MARKET_DATA_CSV_DIR = opts.csvDir;
      if (opts.seed !== undefined) overrides.MARKET_DATA_SEED = String(opts.seed);
      const source = deps.createSource(sourceEnv(deps.env, deps.cwd, overrides));
      const upstream = await startReferenceUpstream({
        source,
        port: opts.port,
        host: opts.host,
        faults: faultsFrom(opts),
      });
      deps.stdout.write(
        opts.json
          ? `${JSON.stringify({ url: upstream.url, source: source.kind })}\n`
          : `reference upstream (${source.kind}) listening on ${upstream.url}; Ctrl-C to stop\n`,
      );
      const signal = await deps.waitForShutdown();
      await upstream.close();
      deps.stderr.write(`stopped on ${signal} after ${upstream.stats.requests} requests\n`);
    });
}

/**
 * `mle upstream serve`: the reference upstream from @mle/market-client as a process, for
 * `MARKET_DATA_SOURCE=http` and fault drills. Stops on SIGINT/SIGTERM.
 *
 * @example
 * program.addCommand(createUpstreamCommand(deps));
 */
export function createUpstreamCommand(deps: CliDeps): Command {
  return new Command("upstream")
    .description("run the reference market-data upstream")
    .addCommand(createServeCommand(deps));
}
