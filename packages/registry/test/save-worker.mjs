// Child process for the multi-process tests: saves through the BUILT package (dist), so the
// race and kill tests exercise what consumers import. Usage:
//   node save-worker.mjs <dir> <tag> <count> [pause] [activate]
// pause: "none" | "mkdir" | "write:<k>" (after the k-th file write) | "publish" (after the rename)
// The worker prints READY, waits for a line on stdin (a start barrier), then saves `count`
// versions printing "SAVED vN" each; at the pause point it prints "PAUSED <point>" and hangs
// until the parent kills it.
import { createFsStore, createRegistry } from "../dist/index.js";

const [dir, tag, countArg = "1", pause = "none", activateArg = "0"] = process.argv.slice(2);
const count = Number(countArg);
const activate = activateArg === "1";

function hold(point) {
  process.stdout.write(`PAUSED ${point}\n`);
  setInterval(() => {}, 1 << 30);
  return new Promise(() => {});
}

const inner = createFsStore(dir);
let writes = 0;
let lost = 0;
const store = {
  ...inner,
  async createFolder(name) {
    await inner.createFolder(name);
    if (pause === "mkdir") await hold(pause);
  },
  async write(folder, file, data) {
    await inner.write(folder, file, data);
    writes += 1;
    if (pause === `write:${writes}`) await hold(pause);
  },
  async publish(from, to) {
    const ok = await inner.publish(from, to);
    if (!ok) lost += 1;
    if (ok && pause === "publish") await hold(pause);
    return ok;
  },
};
const registry = createRegistry({ dir, store });

process.stdout.write("READY\n");
process.stdin.once("data", async () => {
  process.stdin.pause();
  for (let i = 0; i < count; i++) {
    const itemTag = `${tag}-${i}`;
    const { version } = await registry.save(
      {
        model: { format: "mle.ridge", coefficients: [i, 1], tag: itemTag },
        metadata: { tag: itemTag, pid: process.pid },
        metrics: { validation: { model: { rmse: 0.01, r2: 0.1, directional_accuracy: 0.5 } } },
        featureColumns: ["close"],
        datasetSummary: { tag: itemTag },
      },
      { activate },
    );
    process.stdout.write(`SAVED ${version} ${itemTag}\n`);
  }
  process.stdout.write(`LOST ${lost}\n`);
  process.exit(0);
});
