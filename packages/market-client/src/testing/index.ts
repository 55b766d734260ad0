/**
 * @mle/market-client/testing: a reference upstream (a real loopback HTTP server serving any
 * `MarketDataSource` in the wire format the http source reads) and its fault injection, for tests,
 * benches and `mle upstream serve`. Kept off the main entry so that a production import carries no
 * test server (as `hono/testing` does).
 * @module
 */
export type {
  ReferenceUpstream,
  ReferenceUpstreamOptions,
  UpstreamStats,
} from "./reference-upstream";
export { MAX_UPSTREAM_LIMIT, startReferenceUpstream } from "./reference-upstream";
export type { FaultKind, UpstreamFaults } from "./upstream-faults";
export { validateFaults } from "./upstream-faults";
