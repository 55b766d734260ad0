/**
 * A bounded closed-loop load: `connections` loops, each sending its next request when the last
 * one answered, over keep-alive connections, until `stop()`. Every answer is recorded.
 * @module
 */
import { Agent, request } from "node:http";

export interface Sample {
  /** When the request was sent and answered (ms since the load started). */
  readonly start: number;
  readonly end: number;
  readonly status: number;
  /** `model_version` of a 200 answer, null otherwise. */
  readonly version: string | null;
  /** Network error text when there was no HTTP answer. */
  readonly error: string | null;
}

export interface Load {
  readonly t0: number;
  /** Milliseconds since the load started. */
  now(): number;
  stop(): Promise<Sample[]>;
}

function once(
  agent: Agent,
  url: URL,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: "GET", timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

export function startLoad(target: string, connections: number, timeoutMs = 10_000): Load {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(target);
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const samples: Sample[] = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const start = now();
      try {
        const { status, body } = await once(agent, url, timeoutMs);
        let version: string | null = null;
        if (status === 200)
          version = (JSON.parse(body) as { model_version?: string }).model_version ?? null;
        samples.push({ start, end: now(), status, version, error: null });
      } catch (error) {
        samples.push({
          start,
          end: now(),
          status: 0,
          version: null,
          error: (error as Error).message,
        });
      }
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return {
    t0,
    now,
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return samples;
    },
  };
}

/** The p-th percentile (0..100) of the values, nearest rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
