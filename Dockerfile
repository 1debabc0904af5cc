# Roadbook: the production image (issue 11). See docs/operations.md.
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
    if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && npm install -g npm@11.19.1 --no-audit --no-fund && npm cache clean --force

# ---- deps: every dependency (the build needs the dev ones); postinstall runs `prisma generate`,
# which needs the schema and prisma.config.ts (it does not need a database).
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
RUN --mount=type=secret,id=ca \
    if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && npm ci --no-audit --no-fund

# ---- migrate-deps: what `prisma migrate deploy` loads at runtime, and nothing else: the prisma CLI,
# the config loader (@prisma/config: c12, jiti, effect...), @prisma/adapter-pg and pg, with all their
# dependencies, as npm resolved them. typescript and @types/* are optional peers, left out.
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
 && test -f /migrate/node_modules/pg/package.json

# ---- build: the Next.js standalone output (ROADBOOK_STANDALONE=1 sets output: "standalone").
# The build needs no database and no secret (server/env.ts validates on first use).
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/generated ./generated
COPY . .
RUN mkdir -p public \
 && ROADBOOK_STANDALONE=1 npx next build \
 && test -f .next/standalone/server.js

# ---- runtime
FROM node:24.22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
WORKDIR /app
RUN groupadd --system --gid 10001 roadbook \
 && useradd --system --uid 10001 --gid roadbook --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin roadbook

# The server (server.js, its traced node_modules, .next/server), its static assets and public/.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# prisma migrate deploy: the CLI and the adapter (merged into the traced node_modules), the
# config, the schema and the migrations.
COPY --from=migrate-deps /migrate/node_modules ./node_modules
COPY package.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
COPY prisma/migrations prisma/migrations
COPY deploy/docker-entrypoint.sh deploy/docker-entrypoint.sh

# Files belong to root and are read-only for the app; only Next's cache directory is writable.
RUN mkdir -p .next/cache && chown roadbook:roadbook .next/cache

USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/bin/sh", "/app/deploy/docker-entrypoint.sh"]
