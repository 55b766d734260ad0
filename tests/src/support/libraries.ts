/**
 * The libraries the consumer and README checks pack and install: the folders under packages/
 * whose README examples a team outside the workspace runs, in dependency order.
 * @module
 */
export const LIBRARIES = [
  "features",
  "evaluation",
  "market-client",
  "dataset",
  "trainer",
  "registry",
  "inference",
] as const;
