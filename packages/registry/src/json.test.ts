import { describe, expect, it } from "vitest";
import { isRegistryError } from "./errors";
import { digest, parseJsonBytes, toJsonBytes } from "./json";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("deterministic JSON", () => {
  it("keeps key order, indents by two spaces and ends with a newline", () => {
    expect(text(toJsonBytes({ b: 1, a: [1, 2] }, "x"))).toBe(
      '{\n  "b": 1,\n  "a": [\n    1,\n    2\n  ]\n}\n',
    );
  });

  it("produces identical bytes for equal values", () => {
    const v = { model: { coefficients: [0.1, 1e-17, -3] } };
    expect(toJsonBytes(v, "x")).toEqual(toJsonBytes(structuredClone(v), "x"));
  });

  it("rejects values JSON cannot carry with INVALID_ARGUMENT naming the artifact", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [cyclic, { n: 1n }, undefined, () => 1]) {
      try {
        toJsonBytes(bad, "artifacts.model");
        expect.unreachable();
      } catch (e) {
        expect(isRegistryError(e, "INVALID_ARGUMENT")).toBe(true);
        expect((e as Error).message).toContain("artifacts.model");
      }
    }
  });

  it("digest matches the published sha256 test vector for 'abc'", () => {
    expect(digest(new TextEncoder().encode("abc"))).toEqual({
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      bytes: 3,
    });
  });

  it("parseJsonBytes reports invalid JSON and invalid UTF-8 instead of throwing", () => {
    expect(parseJsonBytes(new TextEncoder().encode('{"a":1}'))).toEqual({
      ok: true,
      value: { a: 1 },
    });
    expect(parseJsonBytes(new TextEncoder().encode('{"a":'))).toEqual({ ok: false });
    expect(parseJsonBytes(new Uint8Array([0x22, 0xff, 0x22]))).toEqual({ ok: false });
  });
});
