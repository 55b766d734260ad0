/**
 * nginx from Debian's package as a load balancer of the test's own, running the deployed
 * deploy/nginx.conf: a main config in a temp folder (`daemon off`, every temp path inside the
 * folder) includes it with loopback upstreams and a free port. Stopped and removed by `close`.
 * @module
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canConnect, freePort } from "@mle/jobs/testing";

const CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"];

/** The nginx binary, or undefined when the machine has none. */
export function nginxBinary(): string | undefined {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

export interface Nginx {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** deploy/nginx.conf: the load balancer docker-compose.yml runs, an http-context file. */
export const DEPLOY_NGINX_CONF = join(import.meta.dirname, "../../../../deploy/nginx.conf");

/**
 * deploy/nginx.conf with its upstream servers replaced by loopback ports and its `listen` by
 * `127.0.0.1:listenPort`: the test balances with the very file that is deployed.
 */
export function deployedServerConfig(listenPort: number, upstreamPorts: readonly number[]): string {
  const deployed = readFileSync(DEPLOY_NGINX_CONF, "utf8");
  const servers = /^(\s*)server \S+:\d+( [^;]*)?;$/gm;
  const first = servers.exec(deployed);
  if (!first) throw new Error(`${DEPLOY_NGINX_CONF}: no upstream server line`);
  const [indent, params] = [first[1] ?? "  ", first[2] ?? ""];
  const ours = upstreamPorts.map((p) => `${indent}server 127.0.0.1:${p}${params};`).join("\n");
  let placed = false;
  const rewritten = deployed
    .replace(servers, () => {
      if (placed) return "";
      placed = true;
      return ours;
    })
    .replace(/^\s*\n(?=\s*\n)/gm, "")
    .replace(/^(\s*)listen \d+;$/m, `$1listen 127.0.0.1:${listenPort};`);
  if (!rewritten.includes(`listen 127.0.0.1:${listenPort};`))
    throw new Error(`${DEPLOY_NGINX_CONF}: no \`listen <port>;\` line`);
  return rewritten;
}

/** A main config of the test's own (temp paths, no daemon) that includes the http-context file. */
export function nginxConfig(dir: string, serverConf: string): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${serverConf};
}
`;
}

/** A temp folder with nginx.conf including `serverConf`, the sub-folders nginx writes to. */
export function nginxFolder(serverConf: string): { dir: string; conf: string } {
  const dir = mkdtempSync(join(tmpdir(), "mle-nginx-"));
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, sub));
  const server = join(dir, "server.conf");
  writeFileSync(server, serverConf);
  const conf = join(dir, "nginx.conf");
  writeFileSync(conf, nginxConfig(dir, server));
  return { dir, conf };
}

/** Starts nginx in front of the given replica ports and waits until it accepts connections. */
export async function startNginx(binary: string, upstreamPorts: readonly number[]): Promise<Nginx> {
  const port = await freePort();
  const { dir, conf } = nginxFolder(deployedServerConfig(port, upstreamPorts));
  const child: ChildProcess = spawn(binary, ["-p", dir, "-c", conf], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  for (let i = 0; i < 100 && !(await canConnect(port)); i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
