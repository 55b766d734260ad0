/**
 * @mle/jobs/testing: Redis for tests. The machine's Redis (skipped with a message when missing,
 * a failure under CI=true), a unique key prefix per run and its cleanup, and a redis-server of
 * the test's own that can be stopped and restarted with its data (for outage tests).
 * @module
 */
export {
  canConnect,
  deletePrefix,
  freePort,
  hasRedisServer,
  machineRedis,
  startOwnRedis,
  uniquePrefix,
  waitFor,
} from "./redis";
export type { OwnRedis } from "./redis";
