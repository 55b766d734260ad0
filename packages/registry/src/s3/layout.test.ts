import { describe, expect, it } from "vitest";
import { createLayout, historySeq, isHistorySeq, jsonEntryName } from "./layout";
import { mapLimit } from "./limit";

describe("the S3 key layout", () => {
  it("puts everything under the prefix, or at the bucket root", () => {
    const keys = createLayout("team/prod");
    expect(keys.blob("ab".repeat(32))).toBe(`team/prod/blobs/sha256/${"ab".repeat(32)}`);
    expect(keys.manifest("m", "v3")).toBe("team/prod/models/m/versions/v3.json");
    expect(keys.alias("m", "active")).toBe("team/prod/models/m/aliases/active.json");
    expect(keys.historyEntry("m", "active", 42)).toBe(
      "team/prod/models/m/history/active/000000000042.json",
    );
    expect(createLayout("").modelsRoot()).toBe("models/");
  });

  it("recognises only direct <name>.json entries and 12-digit sequence numbers", () => {
    const dir = "p/models/m/versions/";
    expect(jsonEntryName(dir, `${dir}v1.json`)).toBe("v1");
    expect(jsonEntryName(dir, `${dir}sub/v1.json`)).toBeNull();
    expect(jsonEntryName(dir, `${dir}.json`)).toBeNull();
    expect(jsonEntryName(dir, `${dir}v1.txt`)).toBeNull();
    expect(historySeq("000000000007")).toBe(7);
    expect(historySeq("7")).toBeNull();
    expect(isHistorySeq(999_999_999_999)).toBe(true);
    expect(isHistorySeq(10 ** 12)).toBe(false);
  });
});

describe("mapLimit", () => {
  it("keeps the input order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
    expect(await mapLimit([], 8, async () => 1)).toEqual([]);
  });
});
