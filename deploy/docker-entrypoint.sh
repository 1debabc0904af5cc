#!/bin/sh
# The container's entrypoint (see Dockerfile and docs/operations.md): check the configuration,
# apply pending migrations, then replace this shell with the Next.js server.
set -eu
cd "$(dirname "$0")/.."

fail() {
  echo "roadbook: $*" >&2
  exit 1
}

case "${DATABASE_URL:-}" in
  "") fail "DATABASE_URL is not set: give the PostgreSQL URL (postgresql://user:password@host:5432/roadbook)." ;;
  postgres://* | postgresql://*) ;;
  *) fail "DATABASE_URL must be a postgresql:// URL." ;;
esac

secret="${NEXTAUTH_SECRET:-}"
if [ "${#secret}" -lt 32 ]; then
  fail "NEXTAUTH_SECRET must be set to at least 32 random characters (try: openssl rand -base64 48)."
fi

if [ -z "${NEXTAUTH_URL:-}" ]; then
  export NEXTAUTH_URL="http://localhost:${PORT:-3000}"
  echo "roadbook: NEXTAUTH_URL is not set; using $NEXTAUTH_URL (set it to the public URL of the app)." >&2
fi

# Migrations run on ROADBOOK_MIGRATE_DATABASE_URL when set (the tables' owner in a two-role
# set-up, deploy/postgres/app-role.sql; or a direct connection when DATABASE_URL goes through
# PgBouncer in transaction mode), else on DATABASE_URL.
# prisma migrate deploy takes an advisory lock, so replicas starting together apply them once.
echo "roadbook: applying pending migrations" >&2
DATABASE_URL="${ROADBOOK_MIGRATE_DATABASE_URL:-$DATABASE_URL}" node node_modules/prisma/build/index.js migrate deploy ||
  fail "prisma migrate deploy failed; the server is not started."

exec node server.js
