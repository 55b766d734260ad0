/**
 * Child process: the load generator (autocannon's programmatic API), so it never shares a
 * process with a server. argv[2] is the JSON of autocannon options; the summary is sent over IPC.
 */
import autocannon from "autocannon";

const options = JSON.parse(process.argv[2] ?? "{}");
const result = await autocannon(options);
process.send?.(
  {
    type: "result",
    requestsPerSec: result["2xx"] / result.duration,
    ok: result["2xx"],
    requestsTotal: result.requests.total,
    latency: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
  },
  () => process.exit(0),
);
