/**
 * What can be checked of docker-compose.yml and deploy/nginx.conf without a Docker engine: the
 * services the scale-out needs are there, every `mle` command a service runs names a real command
 * and real flags, every variable a service sets is one the code reads, the files they use exist,
 * and the committed nginx.conf passes `nginx -t` and balances (retrying past a dead replica) when
 * run by the real nginx with its upstreams on loopback. And the Dockerfile copies the manifest of
 * every workspace project, so `pnpm install --frozen-lockfile` sees the workspace the lockfile has.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadApiConfig } from "@mle/api";
import { createDefaultDeps, createProgram } from "@mle/cli";
import { freePort } from "@mle/jobs/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  deployedServerConfig,
  type Nginx,
  nginxBinary,
  nginxFolder,
  startNginx,
} from "./scale-out/support/nginx";

const repo = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(repo, file), "utf8");

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: string[] | Record<string, unknown>;
  ports?: string[];
}
const compose = parse(read("docker-compose.yml"), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const API_REPLICAS = ["api-1", "api-2", "api-3"];

/** Variable names a source file reads as `env.NAME`. */
const readsOf = (file: string) =>
  [...read(file).matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]);

describe("docker-compose.yml", () => {
  let knownEnv: Set<string>;
  beforeAll(async () => {
    const { renderTables } = (await import(
      pathToFileURL(path.join(repo, "scripts/docs-tables.mjs")).href
    )) as {
      renderTables(): Promise<{ env: string }>;
    };
    const documented = [...(await renderTables()).env.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map(
      (m) => m[1],
    );
    knownEnv = new Set([
      ...documented,
      ...readsOf("apps/cli/src/jobs/queue-options.ts"), // REDIS_URL, MLE_JOBS_PREFIX
      ...readsOf("packages/registry/src/s3/client.ts"), // AWS_ENDPOINT_URL_S3, AWS_REGION, …
      // The AWS SDK's credentials chain (environment provider).
      "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY",
    ] as string[]);
  });

  it("has Redis, an S3-compatible store with a bucket-creating step, workers, three replicas and nginx", () => {
    for (const name of [
      "redis",
      "s3",
      "s3-init",
      "trainer",
      "worker",
      ...API_REPLICAS,
      "lb",
      "upstream",
    ]) {
      expect(services[name], name).toBeDefined();
    }
    expect(services.redis?.image).toMatch(/^redis:/);
    expect(services.s3?.image).toMatch(/^(motoserver\/moto|minio\/minio):/);
    expect(services.lb?.image).toMatch(/^nginx:/);
    expect(services["s3-init"]?.command?.join(" ")).toMatch(/s3:5000\/models.*PUT/);
  });

  it("points every replica, the trainer and the workers at the same s3:// registry and store", () => {
    const uri = services["api-1"]?.environment?.MODEL_REGISTRY_URI;
    expect(uri).toMatch(/^s3:\/\/models\//);
    const bucket = /^s3:\/\/([^/]+)/.exec(uri ?? "")?.[1];
    expect(services["s3-init"]?.command?.join(" ")).toContain(`/${bucket}'`);
    for (const name of [...API_REPLICAS, "worker", "trainer"]) {
      const env = services[name]?.environment ?? {};
      expect(env.MODEL_REGISTRY_URI, name).toBe(uri);
      expect(env.AWS_ENDPOINT_URL_S3, name).toBe("http://s3:5000");
    }
    for (const name of API_REPLICAS) expect(services[name]?.environment?.ADMIN_TOKEN).toBeTruthy();
    for (const name of ["worker", "trainer"]) {
      expect(services[name]?.environment?.REDIS_URL).toBe("redis://redis:6379");
    }
    expect(services.trainer?.command).toContain(uri);
  });

  it("sets only variables the code reads", () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build === undefined) continue; // third-party images
      for (const key of Object.keys(service.environment ?? {})) {
        expect(knownEnv.has(key), `${name}: ${key}`).toBe(true);
      }
    }
  });

  it("gives every replica an environment the API's own config loader accepts", () => {
    // Compose interpolation with nothing set in the shell: `${VAR:-default}` is the default.
    const interpolate = (v: string) => v.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");
    for (const name of API_REPLICAS) {
      const env = Object.fromEntries(
        Object.entries(services[name]?.environment ?? {}).map(([k, v]) => [
          k,
          interpolate(String(v)),
        ]),
      );
      expect(() => loadApiConfig(env), name).not.toThrow();
      expect(loadApiConfig(env).reloadCheckMs, name).toBe(1000);
    }
  });

  it("runs only real `mle` commands with real flags, and files that exist in the image", () => {
    const program = createProgram(createDefaultDeps());
    const commands = Object.entries(services).filter(
      ([, s]) => s.command?.[1] === "cli/dist/bin.js",
    );
    expect(commands.map(([n]) => n).sort()).toEqual(["trainer", "upstream", "worker"]);
    for (const [name, service] of commands) {
      const args = (service.command ?? []).slice(2);
      let command: ReturnType<typeof createProgram> = program;
      while (args[0] && !args[0].startsWith("-")) {
        const next = command.commands.find((c) => c.name() === args[0]);
        if (!next) break;
        command = next;
        args.shift();
      }
      expect(command.name(), `${name}: ${service.command?.join(" ")}`).not.toBe("mle");
      const flags = new Set(command.options.flatMap((o) => [o.long, o.short]));
      for (const arg of args.filter((a) => a.startsWith("-"))) {
        expect(flags.has(arg), `${name}: ${command.name()} ${arg}`).toBe(true);
      }
      const config = args[args.indexOf("--config") + 1];
      if (args.includes("--config"))
        expect(fs.existsSync(path.join(repo, config as string))).toBe(true);
    }
    // The sweep the header's `docker compose run … jobs submit` line uses.
    const header = read("docker-compose.yml");
    for (const [, file] of header.matchAll(/(?:-c|--sweep) (configs\/\S+\.yaml)/g)) {
      expect(fs.existsSync(path.join(repo, file as string)), file).toBe(true);
    }
  });

  it("mounts the committed deploy/nginx.conf, whose upstreams are the replicas on the API's port", () => {
    expect(services.lb?.volumes).toContain("./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    const conf = read("deploy/nginx.conf");
    const upstreams = [...conf.matchAll(/^\s*server (\S+):(\d+)/gm)].map((m) => [m[1], m[2]]);
    expect(upstreams).toEqual(API_REPLICAS.map((n) => [n, "8000"]));
    expect(read("Dockerfile")).toMatch(/PORT=8000/);
    expect(conf).toMatch(/proxy_next_upstream error timeout http_502 http_503 http_504/);
    const lbDeps = services.lb?.depends_on;
    expect(Array.isArray(lbDeps) ? lbDeps : Object.keys(lbDeps ?? {})).toEqual(API_REPLICAS);
  });
});

describe("Dockerfile manifests", () => {
  it("copies the package.json of every workspace project", () => {
    const dockerfile = read("Dockerfile");
    const projects = ["apps", "packages"].flatMap((d) =>
      fs.readdirSync(path.join(repo, d)).map((p) => `${d}/${p}`),
    );
    for (const p of [...projects, "bench", "tests"]) {
      if (!fs.existsSync(path.join(repo, p, "package.json"))) continue;
      expect(dockerfile, p).toContain(`COPY ${p}/package.json ${p}/`);
    }
  });

  it("copies the root files every package's build reads (the shared tsup policy)", () => {
    const copied = read("Dockerfile").match(/^COPY package\.json [^\n]*$/m)?.[0] ?? "";
    for (const file of ["tsconfig.base.json", "tsup.shared.ts", "turbo.json"])
      expect(copied.split(" "), file).toContain(file);
  });
});

const nginx = nginxBinary();
const nginxMissing = nginx ? null : "nginx (Debian package `nginx`; .ci/run installs it)";
if (nginxMissing && process.env.CI === "true")
  throw new Error(`CI=true and ${nginxMissing} is missing`);

describe.skipIf(nginxMissing !== null)(
  `deploy/nginx.conf on the real nginx${nginxMissing ? ` (skipped: ${nginxMissing} is missing)` : ""}`,
  () => {
    const stubs: Server[] = [];
    const ports: number[] = [];
    let lb: Nginx;
    beforeAll(async () => {
      // Two replicas that answer with their name, and a third port nobody listens on (dead).
      for (const name of ["a", "b"]) {
        const server = createServer((_req, res) => res.end(name));
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
        stubs.push(server);
        ports.push((server.address() as { port: number }).port);
      }
      ports.push(await freePort());
      lb = await startNginx(nginx as string, ports);
    });
    afterAll(async () => {
      await lb?.close();
      for (const s of stubs) await new Promise((r) => s.close(r));
    });

    it("passes `nginx -t` with its upstreams on loopback", () => {
      const { dir, conf } = nginxFolder(deployedServerConfig(18_000, ports));
      try {
        const r = spawnSync(nginx as string, ["-t", "-p", dir, "-c", conf], { encoding: "utf8" });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/syntax is ok/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("balances over the live replicas and retries past the dead one: every request answers", async () => {
      const answers: string[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`${lb.url}/ready`);
        expect(res.status).toBe(200);
        answers.push(await res.text());
      }
      expect(new Set(answers)).toEqual(new Set(["a", "b"]));
    });
  },
);
