import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { marketDataEnvSchema } from "@mle/market-client";
import { describe, expect, it } from "vitest";
import { API_ENV_VARS, apiEnvSchema } from "../src/config";

const ENV_EXAMPLE = fileURLToPath(new URL("../../../.env.example", import.meta.url));

/** The variable names assigned in a dotenv file (`NAME=...`), comments excluded. */
function documented(text: string): string[] {
  return text
    .split("\n")
    .map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l.trim())?.[1])
    .filter((n): n is string => n !== undefined);
}

/** Keys of a zod object schema, also when it is wrapped in a pipe/transform. */
function keysOf(schema: unknown): string[] {
  let s = schema as {
    shape?: Record<string, unknown>;
    in?: unknown;
    _zod?: { def?: { in?: unknown; innerType?: unknown } };
  };
  for (let i = 0; i < 5 && s && !s.shape; i++) {
    s = (s.in ?? s._zod?.def?.in ?? s._zod?.def?.innerType) as typeof s;
  }
  if (!s?.shape) throw new Error("cannot read the keys of the schema");
  return Object.keys(s.shape);
}

describe(".env.example (the docs check)", () => {
  const text = readFileSync(ENV_EXAMPLE, "utf8");
  const names = documented(text);

  it("documents every variable of the API config schema", () => {
    const missing = keysOf(apiEnvSchema).filter((k) => !names.includes(k));
    expect(missing, `add these to .env.example: ${missing.join(", ")}`).toEqual([]);
  });

  it("documents every variable of the market data config schema", () => {
    const missing = keysOf(marketDataEnvSchema).filter((k) => !names.includes(k));
    expect(missing, `add these to .env.example: ${missing.join(", ")}`).toEqual([]);
  });

  it("shows the API defaults that the config module declares", () => {
    for (const v of API_ENV_VARS) {
      const line = text.split("\n").find((l) => l.startsWith(`${v.name}=`));
      expect(line, v.name).toBe(`${v.name}=${v.default ?? ""}`);
    }
  });

  it("documents nothing that no schema reads, each once, each with a comment above it", () => {
    const known = new Set([...keysOf(apiEnvSchema), ...keysOf(marketDataEnvSchema)]);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    const lines = text.split("\n");
    for (const n of names) {
      const i = lines.findIndex((l) => l.startsWith(`${n}=`));
      expect(lines[i - 1]?.startsWith("#"), n).toBe(true);
    }
  });
});
