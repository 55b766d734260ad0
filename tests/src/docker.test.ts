/**
 * What can be checked of the container without a Docker engine: every path the
 * Dockerfile copies exists, the deploy command resolves, and the runtime command
 * starts the API from the deployed folder.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@mle/jobs/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");
const dockerfile = fs.readFileSync(path.join(repo, "Dockerfile"), "utf8");
const lines = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((l) => l.trim());
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

describe("Dockerfile", () => {
  it("copies only paths that exist in the repository", () => {
    const copies = lines.filter((l) => l.startsWith("COPY ") && !l.includes("--from="));
    expect(copies.length).toBeGreaterThan(3);
    for (const line of copies) {
      const parts = line
        .split(/\s+/)
        .slice(1)
        .filter((p) => !p.startsWith("--"));
      for (const src of parts.slice(0, -1)) {
        expect(fs.existsSync(path.join(repo, src)), `${src} (from: ${line})`).toBe(true);
      }
    }
  });

  it("runs as a non-root user, exposes 8000 and checks /health", () => {
    expect(runtimeStage).toMatch(/^USER node$/m);
    expect(runtimeStage).toMatch(/^EXPOSE 8000$/m);
    expect(runtimeStage).toMatch(/HEALTHCHECK[\s\S]*\/health/);
    expect(runtimeStage).toMatch(/\/app\/artifacts\/models/);
  });

  it("pins the same pnpm as package.json", () => {
    const pinned = JSON.parse(
      fs.readFileSync(path.join(repo, "package.json"), "utf8"),
    ).packageManager;
    expect(dockerfile).toContain(`ARG PNPM_VERSION=${pinned.split("@")[1]}`);
  });
});

describe("the deployed api folder", () => {
  let out: string;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "mle-deploy-"));
    const deployLine = lines.find((l) => l.includes("--filter @mle/api --prod deploy"));
    expect(deployLine).toBeDefined();
    execFileSync(
      "pnpm",
      ["--filter", "@mle/api", "--prod", "deploy", "--legacy", path.join(out, "api")],
      {
        cwd: repo,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, CI: "true" },
      },
    );
  });

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it("holds production dependencies only", () => {
    const modules = path.join(out, "api", "node_modules");
    expect(fs.existsSync(path.join(modules, "hono"))).toBe(true);
    expect(fs.existsSync(path.join(modules, "@mle", "inference", "dist"))).toBe(true);
    for (const dev of ["vitest", "tsup", "typescript"]) {
      expect(fs.existsSync(path.join(modules, dev)), dev).toBe(false);
    }
  });

  it("starts the API with the container's command and answers /health", async () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtimeStage)![1]!) as string[];
    const port = await freePort();
    const registry = fs.mkdtempSync(path.join(os.tmpdir(), "mle-deploy-registry-"));
    const child = spawn(cmd[0] === "node" ? process.execPath : cmd[0]!, cmd.slice(1), {
      cwd: out,
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        MODEL_REGISTRY_DIR: registry,
        LOG_LEVEL: "error",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    try {
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.status,
          () => 0,
        );
      }
      expect(status, stderr).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(ready.status).toBe(503);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(registry, { recursive: true, force: true });
    }
  });
});
