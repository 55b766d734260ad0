# syntax=docker/dockerfile:1.7
# Multi-stage build of the ML Engine Platform API.
#   docker build -t mle-api .
#   docker run -p 8000:8000 -v mle-models:/app/artifacts/models mle-api

ARG NODE_VERSION=22
ARG PNPM_VERSION=10.34.9

FROM node:${NODE_VERSION}-bookworm-slim AS build
ARG PNPM_VERSION
ENV TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 CI=true
RUN npm i -g pnpm@${PNPM_VERSION}
WORKDIR /repo
# Manifests first so the dependency layer is cached across source changes: every workspace
# project's, or the frozen install would not see the workspace the lockfile describes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc turbo.json tsconfig.base.json tsup.shared.ts ./
COPY apps/api/package.json apps/api/
COPY apps/cli/package.json apps/cli/
COPY apps/ui/package.json apps/ui/
COPY packages/market-client/package.json packages/market-client/
COPY packages/features/package.json packages/features/
COPY packages/evaluation/package.json packages/evaluation/
COPY packages/dataset/package.json packages/dataset/
COPY packages/trainer/package.json packages/trainer/
COPY packages/registry/package.json packages/registry/
COPY packages/inference/package.json packages/inference/
COPY packages/jobs/package.json packages/jobs/
COPY bench/package.json bench/
COPY tests/package.json tests/
RUN pnpm install --frozen-lockfile
COPY apps ./apps
COPY packages ./packages
COPY configs ./configs
RUN pnpm turbo run build --filter=@mle/api... --filter=@mle/cli... --filter=ui
# A self-contained production folder for each app: dist + production node_modules only.
RUN pnpm --filter @mle/api --prod deploy --legacy /out/api \
 && pnpm --filter @mle/cli --prod deploy --legacy /out/cli

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8000 MODEL_REGISTRY_DIR=/app/artifacts/models UI_DIR=/app/ui
WORKDIR /app
COPY --from=build --chown=node:node /out/api /app/api
COPY --from=build --chown=node:node /out/cli /app/cli
# The web UI is static files: the API serves them at /ui from UI_DIR.
COPY --from=build --chown=node:node /repo/apps/ui/dist /app/ui
COPY --from=build --chown=node:node /repo/configs /app/configs
RUN mkdir -p /app/artifacts/models && chown -R node:node /app/artifacts
USER node
VOLUME ["/app/artifacts/models"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same command the Docker check test runs from a `pnpm deploy` folder.
CMD ["node", "api/dist/server.js"]
