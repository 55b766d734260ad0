import { OpenAPIHono } from "@hono/zod-openapi";
import type { Predictor } from "@mle/inference";
import type { MarketDataSource } from "@mle/market-client";
import type { Registry } from "@mle/registry";
import type { AppEnv } from "../app-env";
import type { ApiConfig } from "../config";
import type { Lifecycle } from "../lifecycle";
import type { ApiMetrics } from "../metrics/api-metrics";
import type { ModelScope } from "./models";
import { validationHook } from "../validation/default-hook";

/** What route groups are built from (resolved from the app's injected dependencies). */
export interface RouteContext {
  readonly source: MarketDataSource;
  readonly registry: Registry | undefined;
  /** The injected predictor, else one over `registry`; null when the app has neither. */
  readonly predictor: Predictor | null;
  /** Named models (`model=`); null when the app has no registry. */
  readonly models: ModelScope | null;
  readonly config: ApiConfig;
  readonly metrics: ApiMetrics;
  readonly version: string;
  /** Monotonic milliseconds. */
  readonly now: () => number;
  /** `now()` when the app was created. */
  readonly startedAt: number;
  /** Draining state of the process; absent in tests and tools that never shut down. */
  readonly lifecycle?: Lifecycle | undefined;
}

/** A router with the one validation hook; every route group registers on one of these. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
