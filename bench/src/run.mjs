#!/usr/bin/env node
// Runs every benchmark module and writes bench/results/{results.json,results.md}.
// Each module exports `run({ quick }) -> rows`, a row being
// { group, name, medianMs, minMs, baselineMs, ratio, target?, met?, note? }.
// Ratios compare against a baseline measured in the same process and run:
// these machines are noisy, so absolute figures vary, ratios much less.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const here = import.meta.dirname;
const modules = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => !only || f.startsWith(only))
  .sort();

const results = [];
for (const file of modules) {
  const mod = await import(path.join(here, file));
  process.stderr.write(`bench: ${file}${quick ? " (quick)" : ""}\n`);
  const rows = await mod.run({ quick });
  // Modules may say `pass` or `met`; the table has one column for it.
  for (const row of rows) results.push({ module: file, ...row, met: row.met ?? row.pass });
}

const fmt = (v, d = 3) =>
  typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(d)).toString() : (v ?? "");
const header = "| group | case | median ms | min ms | baseline ms | ratio | target | met | note |";
const lines = [header, "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |"];
for (const r of results) {
  lines.push(
    `| ${r.group} | ${r.name} | ${fmt(r.medianMs)} | ${fmt(r.minMs)} | ${fmt(r.baselineMs)} | ${fmt(r.ratio)} | ${r.target ?? ""} | ${r.met === undefined ? "" : r.met ? "yes" : "NO"} | ${r.note ?? ""} |`,
  );
}
const env = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "unknown",
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  quick,
};
const md = `# Benchmark results\n\n${quick ? "**Quick mode: small sizes, figures not representative.**\n\n" : ""}Node ${env.node}, ${env.cpus} × ${env.cpu}, ${env.memGiB} GiB, ${env.date}. Produced by \`pnpm bench\`.\n\n${lines.join("\n")}\n`;
console.log(`\n${lines.join("\n")}\n`);
if (!quick) {
  const dir = path.resolve(here, "../results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "results.json"),
    `${JSON.stringify({ env, results }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(dir, "results.md"), md);
  console.log(`written: bench/results/results.md and results.json`);
}
const missed = results.filter((r) => r.met === false);
if (missed.length)
  console.log(`targets missed: ${missed.map((r) => `${r.group}/${r.name}`).join(", ")}`);
