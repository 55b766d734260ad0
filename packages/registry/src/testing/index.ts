/**
 * Test helpers of `@mle/registry`, on their own subpath (`@mle/registry/testing`) so the main
 * entry never carries them: a registry in a temp folder per test, and a private moto S3 server
 * behind an outage-simulating relay.
 * @module
 */

export type { MotoServer } from "./moto";
export { MOTO_CREDENTIALS, motoMissing, startMoto, uniqueBucket } from "./moto";
export type { OutageMode } from "./relay";
export type { TempRegistry, TempRegistryOptions, TestHooks } from "./temp-registry";
export { tempRegistry, useTempRegistry } from "./temp-registry";
