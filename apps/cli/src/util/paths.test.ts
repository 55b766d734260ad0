import path from "node:path";
import { describe, expect, it } from "vitest";
import { portablePath, resolveUserPath, userCwd } from "./paths";
import { sourceEnv } from "./source-env";

describe("userCwd", () => {
  it("prefers INIT_CWD, which pnpm sets to where the user ran the command", () => {
    expect(userCwd({ INIT_CWD: "/repo" }, "/repo/apps/cli")).toBe("/repo");
  });

  it("falls back to the process cwd when INIT_CWD is unset or empty", () => {
    expect(userCwd({}, "/here")).toBe("/here");
    expect(userCwd({ INIT_CWD: "" }, "/here")).toBe("/here");
  });
});

describe("resolveUserPath", () => {
  it("resolves relative paths against the user directory and keeps absolute ones", () => {
    expect(resolveUserPath("configs/train.yaml", "/repo")).toBe(
      path.resolve("/repo/configs/train.yaml"),
    );
    expect(resolveUserPath("/abs/x.yaml", "/repo")).toBe(path.resolve("/abs/x.yaml"));
  });
});

describe("portablePath", () => {
  it("is relative to the user's directory when inside it, else only the file name", () => {
    const cwd = path.resolve("/repo");
    expect(portablePath(path.join(cwd, "configs", "train.yaml"), cwd)).toBe("configs/train.yaml");
    expect(portablePath(path.resolve("/etc/mle/train.yaml"), cwd)).toBe("train.yaml");
    expect(portablePath(path.resolve("/repo-other/train.yaml"), cwd)).toBe("train.yaml");
  });
});

describe("sourceEnv", () => {
  it("resolves a relative MARKET_DATA_CSV_DIR against the user directory and applies overrides", () => {
    const env = sourceEnv({ MARKET_DATA_CSV_DIR: "data", MARKET_DATA_SOURCE: "csv" }, "/repo", {
      MARKET_DATA_SEED: "7",
    });
    expect(env).toEqual({
      MARKET_DATA_CSV_DIR: path.resolve("/repo/data"),
      MARKET_DATA_SOURCE: "csv",
      MARKET_DATA_SEED: "7",
    });
  });
});
