import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { type RegistryLocationInput, resolveRegistryLocation } from "./registry-location";

const cwd = path.resolve("/repo");
const at = (p: string) => path.resolve(cwd, p);

describe("resolveRegistryLocation", () => {
  const everything: RegistryLocationInput = {
    flags: { registry: "flag" },
    env: { MODEL_REGISTRY_URI: "uri", MODEL_REGISTRY_DIR: "dir" },
    config: { registry: "cfg", registry_dir: "cfg-dir" },
    cwd,
  };

  it("takes the flag, then MODEL_REGISTRY_URI, MODEL_REGISTRY_DIR, config registry, config registry_dir, the default", () => {
    const steps: Array<[RegistryLocationInput, string, string]> = [
      [everything, at("flag"), "--registry"],
      [{ ...everything, flags: { registryDir: "flag-dir" } }, at("flag-dir"), "--registry-dir"],
      [{ ...everything, flags: {} }, at("uri"), "MODEL_REGISTRY_URI"],
      [
        { ...everything, flags: {}, env: { MODEL_REGISTRY_DIR: "dir" } },
        at("dir"),
        "MODEL_REGISTRY_DIR",
      ],
      [{ ...everything, flags: {}, env: {} }, at("cfg"), "registry"],
      [
        { ...everything, flags: {}, env: {}, config: { registry_dir: "cfg-dir" } },
        at("cfg-dir"),
        "registry_dir",
      ],
      [{ ...everything, flags: {}, env: {}, config: {} }, at("artifacts/models"), "default"],
    ];
    for (const [input, location, source] of steps) {
      expect(resolveRegistryLocation(input)).toEqual({ location, source });
    }
  });

  it("ignores empty environment variables, as an unset one", () => {
    expect(
      resolveRegistryLocation({ env: { MODEL_REGISTRY_URI: "", MODEL_REGISTRY_DIR: "" }, cwd }),
    ).toEqual({ location: at("artifacts/models"), source: "default" });
  });

  it("refuses an empty flag (an unset shell variable) instead of falling back to the default", () => {
    expect(() => resolveRegistryLocation({ flags: { registry: "" }, env: {}, cwd })).toThrow(
      /--registry is empty/,
    );
    expect(() => resolveRegistryLocation({ flags: { registryDir: " " }, env: {}, cwd })).toThrow(
      /--registry-dir is empty/,
    );
  });

  it("resolves relative paths against the user's directory and passes s3:// and file:// through", () => {
    expect(
      resolveRegistryLocation({ env: { MODEL_REGISTRY_URI: "s3://models/prod" }, cwd }),
    ).toEqual({ location: "s3://models/prod", source: "MODEL_REGISTRY_URI" });
    const url = pathToFileURL(path.resolve("/srv/models")).href;
    expect(resolveRegistryLocation({ flags: { registry: url }, env: {}, cwd }).location).toBe(url);
    expect(resolveRegistryLocation({ flags: { registry: "/abs/m" }, env: {}, cwd }).location).toBe(
      path.resolve("/abs/m"),
    );
  });
});
