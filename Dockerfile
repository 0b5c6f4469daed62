# syntax=docker/dockerfile:1
# Concordia: one image, one process (Express + socket.io + the Yjs collab endpoint on one port).
# Build:  docker build -t concordia .      Run with PostgreSQL: docker-compose up (docs/operations.md)

# ---- build: full install (dev tools included), then the Vite client build -------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# The lockfile alone decides the install; copied first so source edits keep this layer cached.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
# The server runs its TypeScript through tsx at run time (there is no tsc emit), so the runtime
# needs tsx and its esbuild. Both — like vite, pglite, pg and everything server/ and shared/ import —
# are in "dependencies", not "devDependencies". So instead of a second `npm ci --omit=dev` in the
# runtime stage (a second download, and a second chance for the registry to differ), the tree built
# here is pruned of dev tools (jest, eslint, typescript, @types, swc) and copied over as it is.
# The runtime stage then checks that the whole server module graph still resolves after pruning.
RUN npm prune --omit=dev

# ---- runtime ---------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
# Application files stay owned by root (read-only to the server); only DATA_DIR is writable.
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/client ./dist/client
COPY --from=build /app/server ./server
COPY --from=build /app/shared ./shared
COPY --from=build /app/migrations ./migrations
# NODE_ENV=production requires DATABASE_URL, so the embedded PGlite is not used in production;
# DATA_DIR exists (writable) for running the image in development mode to try Concordia.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# Fail the build, not the first start, if the pruned tree misses a module the server imports.
RUN node --import tsx --input-type=module -e "await import('./server/src/concordia.ts'); process.exit(0)"
EXPOSE 3000
# Liveness: the process answers. (docker-compose.yml checks /readyz: database reachable, migrated.)
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM → graceful shutdown (flush Yjs writes, close sockets and the pool; forced exit after 15 s).
CMD ["node", "--import", "tsx", "server/src/main.ts"]
