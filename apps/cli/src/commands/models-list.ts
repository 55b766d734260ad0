import { ACTIVE_ALIAS, type ModelRegistry, type Registry } from "@mle/registry";
import { Command, Option } from "commander";
import type { CliDeps } from "../deps";
import { formatNumber, formatPercent } from "../render/format";
import { renderTable } from "../render/table";
import type { RegistryFlags } from "../util/registry-location";
import {
  addRegistryOptions,
  jsonOption,
  modelOption,
  openModelRegistry,
  toJson,
} from "./models-shared";

interface ListOptions extends RegistryFlags {
  readonly model?: string;
  readonly all: boolean;
  readonly json: boolean;
}

/** Aliases other than `active` (which has its own column). */
const otherAliases = (aliases: readonly string[]) => aliases.filter((a) => a !== ACTIVE_ALIAS);

async function listVersions(deps: CliDeps, registry: Registry, json: boolean): Promise<void> {
  // A damaged pointer must not hide the versions: listing is how it gets repaired.
  const [models, active] = await Promise.all([registry.list(), registry.activeOrNull()]);
  if (json) {
    deps.stdout.write(
      toJson({
        registry: registry.location,
        model: registry.model,
        active_version: active,
        models,
      }),
    );
    return;
  }
  if (models.length === 0) {
    deps.stdout.write(
      `no versions of model ${registry.model} in ${registry.location}; train one with \`mle train\`\n`,
    );
    return;
  }
  const rows = models.map((m) => [
    m.is_active ? "*" : "",
    m.version,
    otherAliases(m.aliases).join(", ") || "-",
    m.created_at ?? "-",
    formatNumber(m.metrics?.rmse),
    formatNumber(m.metrics?.r2, 4),
    formatPercent(m.metrics?.directional_accuracy),
    m.status === "ok" ? "ok" : `corrupt: ${m.problem ?? "unknown problem"}`,
  ]);
  deps.stdout.write(
    renderTable(
      [
        { header: "active" },
        { header: "version" },
        { header: "aliases" },
        { header: "created" },
        { header: "val RMSE", align: "right" },
        { header: "val R²", align: "right" },
        { header: "direction", align: "right" },
        { header: "status" },
      ],
      rows,
    ),
  );
  deps.stdout.write(`registry: ${registry.location} (model ${registry.model})\n`);
}

/** One row per model, by name: how many versions, the newest, the active one and the other aliases. */
async function listModels(deps: CliDeps, registry: ModelRegistry, json: boolean): Promise<void> {
  const names = [...(await registry.models())].sort();
  const models = [];
  for (const name of names) {
    const model = registry.model(name);
    const [versions, aliases] = await Promise.all([model.list(), model.aliases()]);
    models.push({
      model: name,
      versions: versions.length,
      latest_version: versions[0]?.version ?? null,
      active_version: aliases.find((a) => a.alias === ACTIVE_ALIAS)?.version ?? null,
      aliases: Object.fromEntries(aliases.map((a) => [a.alias, a.version])),
    });
  }
  if (json) {
    deps.stdout.write(toJson({ registry: registry.location, models }));
    return;
  }
  if (models.length === 0) {
    deps.stdout.write(`no models in ${registry.location}; train one with \`mle train\`\n`);
    return;
  }
  const rows = models.map((m) => [
    m.model,
    String(m.versions),
    m.latest_version ?? "-",
    m.active_version ?? "-",
    Object.entries(m.aliases)
      .filter(([alias]) => alias !== ACTIVE_ALIAS)
      .map(([alias, version]) => `${alias} → ${version ?? "?"}`)
      .join(", ") || "-",
  ]);
  deps.stdout.write(
    renderTable(
      [
        { header: "model" },
        { header: "versions", align: "right" },
        { header: "latest" },
        { header: "active" },
        { header: "aliases" },
      ],
      rows,
    ),
  );
  deps.stdout.write(`registry: ${registry.location}\n`);
}

/**
 * `mle models list`: every version of one model (`--model`, default `default`), newest first,
 * with its aliases, validation metrics, status and the active marker. `--json` prints
 * `{ registry, model, active_version, models: ModelEntry[] }`. `--all` lists the models of the
 * registry instead: `{ registry, models: [{ model, versions, latest_version, active_version, aliases }] }`.
 *
 * @example
 * models.addCommand(createModelsListCommand(deps));
 */
export function createModelsListCommand(deps: CliDeps): Command {
  const command = new Command("list")
    .alias("ls")
    .description("list a model's versions, newest first (--all: the models of the registry)")
    .addOption(modelOption().conflicts("all"))
    .addOption(new Option("--all", "list every model of the registry instead").default(false));
  return addRegistryOptions(command)
    .addOption(jsonOption())
    .action(async (opts: ListOptions) => {
      const registry = openModelRegistry(deps, opts);
      if (opts.all) await listModels(deps, registry, opts.json);
      else await listVersions(deps, registry.model(opts.model), opts.json);
    });
}
