/**
 * The ML Engine Platform HTTP API: `createApp(deps)` builds the Hono app; `server.ts` runs it.
 * @module
 */
export { createApp } from "./app";
export { API_PREFIX, PATH_ALIASES } from "./openapi/aliases";
export { foldAliases, openApiConfig } from "./openapi/document";
export type { AppDeps } from "./app";
export { API_ENV_VARS, ApiConfigError, apiEnvSchema, loadApiConfig } from "./config";
export type { ApiConfig, ApiEnvVarName, EnvVarDoc } from "./config";
export type { AppEnv } from "./app-env";
export { ApiError, isApiError } from "./errors/api-error";
export type { ErrorDetail } from "./errors/api-error";
export { DOMAIN_ERROR_GUARDS } from "./errors/domain";
export { errorBody, errorResponse, ErrorResponseSchema } from "./errors/envelope";
export type { ErrorBody } from "./errors/envelope";
export { ERROR_STATUS, isApiErrorCode, statusForCode } from "./errors/status-map";
export type { ApiErrorCode } from "./errors/status-map";
export { createLogger, REDACT_PATHS } from "./logger";
export { createApiMetrics } from "./metrics/api-metrics";
export type { ApiMetrics, CircuitState } from "./metrics/api-metrics";
export { recordUpstreamEvent } from "./metrics/upstream-events";
export type { UpstreamEventLike } from "./metrics/upstream-events";
export { adminAuth, tokensEqual } from "./middleware/admin-auth";
export { requireJson } from "./middleware/require-json";
export { createRouter } from "./context/route-context";
export type { RouteContext } from "./context/route-context";
export { installGracefulShutdown } from "./shutdown";
export { loadDotEnv } from "./dotenv";
export { startApiServer } from "./start-server";
export type { StartApiServerOptions } from "./start-server";
export type { GracefulShutdownOptions } from "./shutdown";
