import { describe, expect, it } from "vitest";
import { apiRootFrom } from "./api";
import { parseRoute } from "./router";
import { compareValues, sortRows } from "./pages/sort";

describe("parseRoute", () => {
  it("maps each hash to its page", () => {
    expect(parseRoute("")).toEqual({ page: "models" });
    expect(parseRoute("#/")).toEqual({ page: "models" });
    expect(parseRoute("#/m/prices%2Fv2")).toEqual({ page: "versions", model: "prices/v2" });
    expect(parseRoute("#/m/default/v/v3")).toEqual({
      page: "version",
      model: "default",
      version: "v3",
    });
    expect(parseRoute("#/m/default/compare/v1/v2")).toEqual({
      page: "compare",
      model: "default",
      a: "v1",
      b: "v2",
    });
    expect(parseRoute("#/m/default/history?x=1")).toEqual({ page: "history", model: "default" });
    expect(parseRoute("#/nope").page).toBe("not-found");
  });
});

describe("apiRootFrom", () => {
  it("finds the API root above /ui/, also behind a path prefix", () => {
    expect(apiRootFrom("/ui/")).toBe("/");
    expect(apiRootFrom("/ui/index.html")).toBe("/");
    expect(apiRootFrom("/mle/ui/")).toBe("/mle/");
    expect(apiRootFrom("/ui")).toBe("/");
    expect(apiRootFrom("/other")).toBe("/");
  });
});

describe("sortRows", () => {
  it("sorts numbers numerically and version names naturally, nulls last both ways", () => {
    expect(compareValues("v10", "v9")).toBeGreaterThan(0);
    const rows = [{ v: 2 }, { v: null }, { v: 10 }, { v: 1 }];
    const by = (r: { v: number | null }) => r.v;
    expect(sortRows(rows, by, { key: "v", dir: 1 }).map(by)).toEqual([1, 2, 10, null]);
    expect(sortRows(rows, by, { key: "v", dir: -1 }).map(by)).toEqual([10, 2, 1, null]);
  });
});
