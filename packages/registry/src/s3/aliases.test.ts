import { describe, expect, it } from "vitest";
import { bytes, SKIP_MOTO, text, useMotoBucket } from "./moto-fixture";

describe.skipIf(SKIP_MOTO)("the S3 backend on moto: aliases and history", () => {
  const s3 = useMotoBucket("aliases");

  it("swaps an alias only from the tag it was read with (create with null, stale tag loses)", async () => {
    const backend = s3.backend({ prefix: "cas" });
    expect(await backend.readAlias("m", "active")).toEqual({ kind: "missing" });
    expect(await backend.aliasStamp("m", "active")).toBeNull();

    expect(await backend.swapAlias("m", "active", bytes('{"version":"v1"}'), null)).toBe(true);
    expect(await backend.swapAlias("m", "active", bytes('{"version":"v9"}'), null)).toBe(false);
    const first = await backend.readAlias("m", "active");
    if (first.kind !== "ok") throw new Error("alias not written");
    expect(text(first.data)).toBe('{"version":"v1"}');
    expect(await backend.aliasStamp("m", "active")).toBe(first.tag);

    expect(await backend.swapAlias("m", "active", bytes('{"version":"v2"}'), first.tag)).toBe(true);
    expect(await backend.swapAlias("m", "active", bytes('{"version":"v3"}'), first.tag)).toBe(
      false,
    );
    const second = await backend.readAlias("m", "active");
    if (second.kind !== "ok") throw new Error("alias vanished");
    expect(text(second.data)).toBe('{"version":"v2"}');
    expect(second.tag).not.toBe(first.tag);
  });

  it("lets one of many concurrent swaps from the same tag win", async () => {
    const backend = s3.backend({ prefix: "cas-race" });
    await backend.swapAlias("m", "active", bytes("0"), null);
    const read = await backend.readAlias("m", "active");
    if (read.kind !== "ok") throw new Error("alias not written");
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        backend.swapAlias("m", "active", bytes(`${i + 1}`), read.tag),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("resolves false when the alias named by the tag was deleted meanwhile", async () => {
    const backend = s3.backend({ prefix: "cas-gone" });
    await backend.swapAlias("m", "active", bytes("1"), null);
    const read = await backend.readAlias("m", "active");
    if (read.kind !== "ok") throw new Error("alias not written");
    await s3.remove("cas-gone/models/m/aliases/active.json");
    expect(await backend.swapAlias("m", "active", bytes("2"), read.tag)).toBe(false);
    expect(await backend.readAlias("m", "active")).toEqual({ kind: "missing" });
  });

  it("lists the aliases of a model, sorted, across pages", async () => {
    const backend = s3.backend({ prefix: "lista", listPageSize: 2 });
    for (const a of ["staging", "active", "canary", "best"]) {
      await backend.swapAlias("m", a, bytes("{}"), null);
    }
    await s3.put("lista/models/m/aliases/readme.txt", "not an alias");
    expect(await backend.listAliases("m")).toEqual(["active", "best", "canary", "staging"]);
    expect(await backend.listAliases("other")).toEqual([]);
  });

  it("appends a history entry only if absent, and one of concurrent appenders wins", async () => {
    const backend = s3.backend({ prefix: "hist" });
    expect(await backend.appendHistory("m", "active", 1, bytes("one"))).toBe(true);
    expect(await backend.appendHistory("m", "active", 1, bytes("uno"))).toBe(false);
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        backend.appendHistory("m", "active", 2, bytes(`two-${i}`)),
      ),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
    const history = await backend.readHistory("m", "active");
    const bySeq = new Map(history.map((h) => [h.seq, text(h.data)]));
    expect(bySeq.get(1)).toBe("one");
    expect(bySeq.get(2)).toMatch(/^two-[0-5]$/);
    expect(bySeq.size).toBe(2);
  });

  it("reads a whole history across pages, ignoring foreign keys", async () => {
    const backend = s3.backend({ prefix: "hist-pages", listPageSize: 3 });
    for (let seq = 0; seq < 11; seq++) {
      await backend.appendHistory("m", "active", seq, bytes(`entry ${seq}`));
    }
    await s3.put("hist-pages/models/m/history/active/12.json", "short name");
    await s3.put("hist-pages/models/m/history/active/notes.txt", "not an entry");
    const history = await backend.readHistory("m", "active");
    expect(history.map((h) => h.seq).sort((a, b) => a - b)).toEqual([...Array(11).keys()]);
    for (const h of history) expect(text(h.data)).toBe(`entry ${h.seq}`);
    expect(await backend.readHistory("m", "other")).toEqual([]);
  });

  it("refuses a history sequence number that does not fit 12 digits", async () => {
    const backend = s3.backend({ prefix: "hist-bad" });
    for (const seq of [-1, 1.5, 10 ** 12, Number.NaN]) {
      await expect(backend.appendHistory("m", "active", seq, bytes("x"))).rejects.toMatchObject({
        code: "INVALID_ARGUMENT",
      });
    }
  });
});
