// Tries every registry operation on <dir> and prints one JSON line of outcomes. Run by
// read-only-folder.test.ts as an unprivileged user against a chmod 555 registry folder.
import { createRegistry } from "../dist/index.js";

const registry = createRegistry({ dir: process.argv[2] });
const outcome = async (f) => {
  try {
    const value = await f();
    return { ok: true, value };
  } catch (e) {
    return { ok: false, code: e.code, message: e.message };
  }
};
const artifacts = { model: {}, metadata: {}, metrics: {}, featureColumns: [], datasetSummary: {} };
const result = {
  save: await outcome(() => registry.save(artifacts)),
  activate: await outcome(() => registry.activate("v1")),
  prune: await outcome(() => registry.prune({ keep: 1 })),
  list: await outcome(async () =>
    (await registry.list()).map((e) => [e.version, e.status, e.is_active]),
  ),
  load: await outcome(async () => (await registry.load("v1")).metadata.tag),
  active: await outcome(() => registry.getActive()),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
