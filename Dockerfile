# Roadbook: the production image. See docs/operations.md.
#
#   docker build -t roadbook .        (linux/amd64 only: add --platform linux/amd64 on arm64 machines)
#   docker run --init -p 3000:3000 -e DATABASE_URL=postgresql://... -e NEXTAUTH_SECRET=... roadbook
#
# The entrypoint applies pending migrations (prisma migrate deploy), then starts the
# Next.js standalone server. Nothing in the image is writable by the app but .next/cache.
#
# Behind a TLS-intercepting proxy, give npm the proxy's CA as a build secret (BuildKit or buildah):
#   docker build --secret id=ca,src=/path/to/corporate-ca.pem -t roadbook .
# Without it the build is the same as before (the secret is optional).

# ---- base: Node 24 LTS (pinned to 24.22) on Debian bookworm, with the project's npm (11.x reads "allowScripts")
FROM node:24.22-bookworm-slim AS base
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
WORKDIR /app
RUN --mount=type=secret,id=ca \
    if [ "$(npm --version)" != 11.19.1 ]; then \
      if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
      && npm install -g npm@11.19.1 --no-audit --no-fund && npm cache clean --force; \
    fi

# ---- deps: every dependency (the build needs the dev ones); postinstall runs `prisma generate`,
# which needs the schema and prisma.config.ts (it does not need a database). npm's cache is a
# build cache mount: kept between builds on the same machine, never in a layer.
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
RUN --mount=type=secret,id=ca \
    --mount=type=cache,target=/root/.npm,sharing=locked \
    if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && npm ci --no-audit --no-fund --prefer-offline

# ---- migrate-deps: what `prisma migrate deploy` loads at runtime, and nothing else: the prisma CLI,
# the config loader (@prisma/config: c12, jiti, effect...), @prisma/adapter-pg and pg, with all their
# dependencies, as npm resolved them. typescript and @types/* are optional peers, left out; so is
# what `migrate deploy` never loads: Studio (build/public), the query engines and compilers
# (build/query_*), the client generator's runtime (prisma-client), effect's sources and ES modules
# (@prisma/config requires its CommonJS build).
FROM deps AS migrate-deps
RUN npm query '#prisma, #prisma *, [name="@prisma/adapter-pg"], [name="@prisma/adapter-pg"] *, #pg, #pg *' \
      | node -e 'let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => { \
          const skip = (n) => n === "typescript" || n === "undici-types" || n.startsWith("@types/"); \
          const dirs = new Set(JSON.parse(s).filter((p) => !skip(p.name)).map((p) => p.location)); \
          process.stdout.write([...dirs].sort().join("\n") + "\n"); })' \
      > /tmp/migrate-deps.txt \
 && mkdir /migrate \
 && xargs -a /tmp/migrate-deps.txt cp -a --parents -t /migrate \
 && test -f /migrate/node_modules/prisma/build/index.js \
 && test -f /migrate/node_modules/@prisma/adapter-pg/package.json \
 && test -f /migrate/node_modules/pg/package.json \
 && cd /migrate/node_modules \
 && rm -rf prisma/build/public prisma/prisma-client effect/src effect/dist/esm \
 && find prisma/build -name 'query_*_bg.*' -delete

# ---- build: the Next.js standalone output (ROADBOOK_STANDALONE=1 sets output: "standalone").
# The build needs no database and no secret (server/env.ts validates on first use). Next's
# cache is a build cache mount (kept between builds on the same machine, in no layer). The types
# are checked by `npx tsc --noEmit` (npm test, CI), not again here (ROADBOOK_BUILD_SKIP_TYPECHECK).
FROM deps AS build
COPY . .
RUN --mount=type=cache,target=/app/.next/cache,sharing=locked \
    mkdir -p public \
 && ROADBOOK_STANDALONE=1 ROADBOOK_BUILD_SKIP_TYPECHECK=1 npx next build \
 && test -f .next/standalone/server.js

# ---- app: the runtime's /app in one tree: the server (server.js, its traced node_modules,
# .next/server), its static assets, public/, and for `prisma migrate deploy` the CLI and the
# adapter (merged into the traced node_modules), the config, the schema and the migrations.
# Left out: what no process here loads (the trace copies whole packages): source maps, type
# declarations, @prisma/client's engines and compilers for other databases and other runtimes
# (the generated client loads runtime/client and the PostgreSQL query compiler), and sharp with
# libvips (next/image's optimizer: the app has no next/image, and next.config.js turns it off).
FROM build AS app
COPY --from=migrate-deps /migrate/node_modules /out/node_modules
RUN cp -a .next/standalone/. /out/ \
 && mkdir -p /out/.next/cache /out/prisma /out/deploy \
 && cp -a .next/static /out/.next/static \
 && cp -a public /out/public \
 && cp -a package.json prisma.config.ts /out/ \
 && cp -a prisma/schema.prisma prisma/migrations /out/prisma/ \
 && cp -a deploy/docker-entrypoint.sh /out/deploy/ \
 && find /out/node_modules \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -type f -delete \
 && find /out/.next -name '*.map' -type f -delete \
 && cd /out/node_modules/@prisma/client/runtime \
 && find . -type f ! -name 'client.*' ! -name 'query_compiler_bg.postgresql.*' ! -name 'index-browser.*' -delete \
 && test -f client.js && test -f query_compiler_bg.postgresql.wasm-base64.mjs \
 && rm -rf /out/node_modules/sharp /out/node_modules/@img

# ---- runtime: Debian bookworm slim with the Node.js binary of the base stage, and no npm.
FROM debian:bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NODE_OPTIONS="--max-old-space-size=512 --max-semi-space-size=16"
WORKDIR /app
COPY --from=base /usr/local/bin/node /usr/local/bin/node
RUN groupadd --system --gid 10001 roadbook \
 && useradd --system --uid 10001 --gid roadbook --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin roadbook

COPY --from=app /out ./
# Files belong to root and are read-only for the app; only Next's cache directory is writable.
RUN chown roadbook:roadbook .next/cache

USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/bin/sh", "/app/deploy/docker-entrypoint.sh"]
