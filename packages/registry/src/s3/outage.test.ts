import { describe, expect, it } from "vitest";
import { isRegistryError } from "../errors";
import { bytes, SKIP_MOTO, useMotoBucket } from "./moto-fixture";

const ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

async function failure(p: Promise<unknown>): Promise<Error> {
  const outcome = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof Error)) throw new Error("expected the call to fail");
  return outcome;
}

describe.skipIf(SKIP_MOTO)("the S3 backend on moto: outages", () => {
  const s3 = useMotoBucket("outage");

  it("rejects with REGISTRY_UNAVAILABLE while the store refuses connections, and works again after", async () => {
    const backend = s3.backend({ prefix: "refuse", requestTimeoutMs: 1000 });
    await backend.swapAlias("m", "active", bytes("1"), null);
    await s3.moto.cutOff("refuse");
    try {
      const started = Date.now();
      const error = await failure(backend.readAlias("m", "active"));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(isRegistryError(error, "REGISTRY_UNAVAILABLE")).toBe(true);
      expect(error.message).toBe(
        `model registry store s3://${s3.bucket}/refuse is unreachable (ECONNREFUSED)`,
      );
      expect(error.cause).toMatchObject({ code: "ECONNREFUSED" });
    } finally {
      await s3.moto.restore();
    }
    expect(await backend.readAlias("m", "active")).toMatchObject({ kind: "ok" });
  });

  it("gives up within the request timeout on a store that accepts but never answers", async () => {
    const backend = s3.backend({ prefix: "hang", requestTimeoutMs: 400 });
    await backend.createVersion("m", "v1", new Map([["metadata.json", bytes('{"artifacts":{}}')]]));
    await s3.moto.cutOff("hang");
    try {
      const started = Date.now();
      const error = await failure(backend.listVersions("m"));
      const elapsed = Date.now() - started;
      // two attempts of 400 ms plus the SDK's retry backoff
      expect(elapsed).toBeGreaterThanOrEqual(400);
      expect(elapsed).toBeLessThan(3000);
      expect(isRegistryError(error, "REGISTRY_UNAVAILABLE")).toBe(true);
      expect(error.message).toMatch(/^model registry store s3:\/\/\S+\/hang is unreachable \(\S+/);
    } finally {
      await s3.moto.restore();
    }
    expect((await backend.listVersions("m")).map((v) => v.version)).toEqual(["v1"]);
  });

  it("never puts the credentials, a key or a stack in an error message", async () => {
    const backend = s3.backend({
      prefix: "secret",
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    });
    await backend.swapAlias("m", "active", bytes("1"), null); // moto accepts any key pair
    await s3.moto.cutOff();
    const errors: Error[] = [];
    try {
      errors.push(await failure(backend.readAlias("m", "active")));
      errors.push(
        await failure(backend.createVersion("m", "v1", new Map([["metadata.json", bytes("{}")]]))),
      );
      errors.push(await failure(backend.listModels()));
    } finally {
      await s3.moto.restore();
    }
    for (const error of errors) {
      const shown = `${error.message} ${String(error)}`;
      expect(shown).not.toContain(ACCESS_KEY);
      expect(shown).not.toContain(SECRET_KEY);
      expect(shown).not.toContain("aliases/");
      expect(error.message).not.toContain("\n");
      expect(error.stack ?? "").not.toContain(SECRET_KEY);
    }
  });
});
