// Child process for the conformance suite: opens a registry by LOCATION through the BUILT
// package (dist), so the races run across processes the way separate machines would.
//   node location-worker.mjs <location> <model> save <tag> <count>
//   node location-worker.mjs <location> <model> move <alias> <version>
//   node location-worker.mjs <location> <model> prune <keep>
//   node location-worker.mjs <location> <model> activate <version>
// The worker prints READY, waits for a line on stdin (a start barrier), runs, and prints one
// line per result: "SAVED vN", "MOVED <seq> <from> <to>" or "REJECTED <code>".
import { openRegistry } from "../dist/index.js";

const [location, model, command, ...args] = process.argv.slice(2);
const registry = openRegistry(location, { who: `worker-${process.pid}` }).model(model);

async function run() {
  if (command === "save") {
    const [tag, count = "1"] = args;
    for (let i = 0; i < Number(count); i++) {
      const itemTag = `${tag}-${i}`;
      const { version } = await registry.save({
        model: { format: "mle.ridge", coefficients: [i, 1], tag: itemTag },
        metadata: { tag: itemTag, pid: process.pid },
        metrics: { validation: { model: { rmse: 0.01, r2: 0.1, directional_accuracy: 0.5 } } },
        featureColumns: ["close"],
        datasetSummary: { tag: itemTag },
      });
      process.stdout.write(`SAVED ${version} ${itemTag}\n`);
    }
  } else if (command === "move") {
    const [alias, version] = args;
    try {
      const e = await registry.setAlias(alias, version, { expect: undefined });
      process.stdout.write(`MOVED ${e.seq} ${e.from} ${e.to}\n`);
    } catch (e) {
      process.stdout.write(`REJECTED ${e.code ?? e.message}\n`);
    }
  } else if (command === "prune") {
    const deleted = await registry.prune({ keep: Number(args[0]) });
    process.stdout.write(`PRUNED ${deleted.join(",")}\n`);
  } else if (command === "activate") {
    try {
      const e = await registry.activate(args[0]);
      process.stdout.write(`MOVED ${e.seq} ${e.from} ${e.to}\n`);
    } catch (e) {
      process.stdout.write(`REJECTED ${e.code ?? e.message}\n`);
    }
  } else {
    throw new Error(`unknown command ${command}`);
  }
}

process.stdout.write("READY\n");
process.stdin.once("data", () => {
  process.stdin.pause();
  run().then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`${e.code ?? ""} ${e.message}\n`);
      process.exit(1);
    },
  );
});
