import { describe, expect, it } from "vitest";
import { normalizeArgv } from "./argv";

describe("normalizeArgv", () => {
  it("drops the -- that pnpm passes through before the options", () => {
    expect(normalizeArgv(["node", "mle", "train", "--", "--config", "x.yaml"])).toEqual([
      "node",
      "mle",
      "train",
      "--config",
      "x.yaml",
    ]);
  });

  it("drops only the first --", () => {
    expect(normalizeArgv(["node", "mle", "--", "a", "--", "b"])).toEqual([
      "node",
      "mle",
      "a",
      "--",
      "b",
    ]);
  });

  it("leaves argv without -- unchanged and never touches the node and script entries", () => {
    expect(normalizeArgv(["node", "mle", "models", "list"])).toEqual([
      "node",
      "mle",
      "models",
      "list",
    ]);
    expect(normalizeArgv(["--", "--"])).toEqual(["--", "--"]);
  });
});
