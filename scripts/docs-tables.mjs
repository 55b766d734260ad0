#!/usr/bin/env node
// Generates the README's configuration, API and CLI tables from the code that defines them:
// the env schemas' documentation lists, the OpenAPI document and the commander program.
//   node scripts/docs-tables.mjs          rewrite README.md between the markers
//   node scripts/docs-tables.mjs --check  exit 1 when README.md is out of date
// tests/src/docs.test.ts runs the check, so an env var, route or command added without
// documentation fails the tests. Needs the apps built (pnpm build).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const load = (p) => import(pathToFileURL(path.join(root, p)).href);

export async function renderTables() {
  const api = await load("apps/api/dist/index.js");
  const market = await load("packages/market-client/dist/index.js");
  const cli = await load("apps/cli/dist/index.js");

  const cell = (s) =>
    String(s ?? "")
      .replace(/\|/g, "\\|")
      .replace(/\n/g, " ");
  const envRows = [...api.API_ENV_VARS, ...market.MARKET_DATA_ENV_DOCS].map(
    (v) =>
      `| \`${v.name}\` | ${v.default ? `\`${cell(v.default)}\`` : v.requiredWhen ? `required when ${cell(v.requiredWhen)}` : "(unset)"} | ${cell(v.description)} |`,
  );
  const env = ["| variable | default | meaning |", "| --- | --- | --- |", ...envRows].join("\n");

  const { createApp } = api;
  const { createSampleSource } = market;
  const app = createApp({
    source: createSampleSource(),
    config: api.loadApiConfig({}),
    logger: api.createLogger({ level: "silent" }),
  });
  const doc = await (await app.request("/openapi.json")).json();
  const apiRows = [];
  // The document lists each route once; `x-aliases` names the other paths that answer like it.
  for (const [p, ops] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [method, op] of Object.entries(ops)) {
      const statuses = Object.keys(op.responses ?? {}).join(", ");
      const aliases = (op["x-aliases"] ?? []).map((a) => `\`${a}\``).join(", ") || "-";
      apiRows.push(
        `| \`${method.toUpperCase()} ${p}\` | ${aliases} | ${cell(op.summary ?? op.description ?? "")} | ${statuses} |`,
      );
    }
  }
  const apiTable = [
    `The feature, prediction, model and readiness routes are also served under \`${api.API_PREFIX}\` (the aliases column lists every other path of a route); health, metrics, docs and the protocol routes (Open Inference \`/v2\`, MLflow scoring) keep only the paths their callers expect.`,
    "",
    "| route | aliases | what it does | statuses |",
    "| --- | --- | --- | --- |",
    ...apiRows,
  ].join("\n");

  const sink = { write() {} };
  const program = cli.createProgram({ ...cli.createDefaultDeps(), stdout: sink, stderr: sink });
  const cliRows = [];
  const walk = (cmd, prefix) => {
    for (const sub of cmd.commands) {
      const name = `${prefix} ${sub.name()}`;
      if (sub.commands.length) walk(sub, name);
      else {
        const args = sub.registeredArguments
          .map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))
          .join(" ");
        const opts = sub.options.map((o) => `\`${o.long ?? o.short}\``).join(" ");
        cliRows.push(
          `| \`${name}${args ? ` ${args}` : ""}\` | ${cell(sub.description())} | ${opts} |`,
        );
      }
    }
  };
  walk(program, "mle");
  const cliTable = ["| command | what it does | options |", "| --- | --- | --- |", ...cliRows].join(
    "\n",
  );
  return { env, api: apiTable, cli: cliTable };
}

export function applyTables(readme, tables) {
  let out = readme;
  for (const [name, body] of Object.entries(tables)) {
    const re = new RegExp(
      `(<!-- ${name}-table:start[^>]*-->)[\\s\\S]*?(<!-- ${name}-table:end -->)`,
    );
    if (!re.test(out)) throw new Error(`README.md lacks the ${name}-table markers`);
    out = out.replace(re, (_, start, end) => `${start}\n${body}\n${end}`);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = path.join(root, "README.md");
  const readme = fs.readFileSync(file, "utf8");
  const next = applyTables(readme, await renderTables());
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      console.error("README.md tables are out of date: run `node scripts/docs-tables.mjs`");
      process.exit(1);
    }
    console.log("README tables match the code");
  } else {
    fs.writeFileSync(file, next);
    console.log("README tables written");
  }
  process.exit(0);
}
