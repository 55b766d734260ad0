import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registryPerTest } from "../test-support";
import { createFsStore } from "./fs-store";

const temp = registryPerTest();

const bytes = (s: string) => new TextEncoder().encode(s);

describe("createFsStore", () => {
  it("publish renames a folder into place and refuses a target that exists, even an empty one", async () => {
    const store = createFsStore(temp.base);
    await store.createFolder(".tmp-a");
    await store.write(".tmp-a", "model.json", bytes("{}"));
    await fs.mkdir(path.join(temp.base, "v1")); // POSIX rename(2) would silently replace this
    expect(await store.publish(".tmp-a", "v1")).toBe(false);
    expect(await fs.readdir(path.join(temp.base, "v1"))).toEqual([]);
    expect(await store.publish(".tmp-a", "v2")).toBe(true);
    await store.createFolder(".tmp-b");
    await store.write(".tmp-b", "model.json", bytes("[]"));
    expect(await store.publish(".tmp-b", "v2")).toBe(false);
    expect(await fs.readFile(path.join(temp.base, "v2", "model.json"), "utf8")).toBe("{}");
  });

  it("read reports missing files and folders, and never follows symlinks", async () => {
    const store = createFsStore(temp.base);
    expect(await store.read("v1", "model.json")).toEqual({ kind: "missing" });
    await fs.mkdir(path.join(temp.base, "v1"));
    expect(await store.read("v1", "model.json")).toEqual({ kind: "missing" });
    await fs.writeFile(path.join(temp.base, "secret"), "s");
    await fs.symlink(path.join(temp.base, "secret"), path.join(temp.base, "v1", "model.json"));
    expect(await store.read("v1", "model.json")).toEqual({ kind: "invalid", type: "symlink" });
    await fs.mkdir(path.join(temp.base, "v1", "metrics.json"));
    expect(await store.read("v1", "metrics.json")).toEqual({ kind: "invalid", type: "directory" });
    await fs.symlink(path.join(temp.base, "v1"), path.join(temp.base, "v2"));
    expect(await store.read("v2", "metrics.json")).toEqual({ kind: "invalid", type: "symlink" });
  });

  it("replace swaps a file atomically and stamp changes with it", async () => {
    const store = createFsStore(temp.base);
    expect(await store.stamp("active.json")).toBeNull();
    await store.write(null, ".tmp-p1", bytes('{"version":"v1"}'));
    await store.replace(".tmp-p1", "active.json");
    const s1 = await store.stamp("active.json");
    await store.write(null, ".tmp-p2", bytes('{"version":"v2"}'));
    await store.replace(".tmp-p2", "active.json");
    expect(await store.stamp("active.json")).not.toBe(s1);
    const r = await store.read(null, "active.json");
    expect(r.kind === "ok" && new TextDecoder().decode(r.data)).toBe('{"version":"v2"}');
    expect((await fs.readdir(temp.base)).sort()).toEqual(["active.json"]);
  });

  it("entries lists top-level names with their own type, and is empty before the folder exists", async () => {
    const store = createFsStore(path.join(temp.base, "models"));
    expect(await store.entries()).toEqual([]);
    await store.init();
    await store.createFolder("v1");
    await fs.symlink(path.join(temp.base, "models", "v1"), path.join(temp.base, "models", "v2"));
    const types = Object.fromEntries((await store.entries()).map((e) => [e.name, e.type]));
    expect(types).toEqual({ v1: "directory", v2: "symlink" });
  });
});
