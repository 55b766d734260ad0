import { describe, expect, it } from "vitest";
import { normalizeArgv } from "./argv";

describe("normalizeArgv", () => {
  it.each([
    [
      "drops the -- that pnpm passes through before the options",
      ["node", "mle", "train", "--", "--config", "x.yaml"],
      ["node", "mle", "train", "--config", "x.yaml"],
    ],
    [
      "drops only the first --",
      ["node", "mle", "--", "a", "--", "b"],
      ["node", "mle", "a", "--", "b"],
    ],
  ])("%s", (_name, argv, expected) => {
    expect(normalizeArgv(argv)).toEqual(expected);
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
