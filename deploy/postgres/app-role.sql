-- Grants for Roadbook's application role in a two-role set-up (docs/operations.md, "Two database
-- roles"). Run it as the role that owns the tables, the one `prisma migrate deploy` runs as
-- (ROADBOOK_MIGRATE_DATABASE_URL), after the first migration and again after any upgrade (it is
-- idempotent):
--
--   psql "$ROADBOOK_MIGRATE_DATABASE_URL" -v app_role=roadbook_app -f deploy/postgres/app-role.sql
--
-- The application role (DATABASE_URL) is then neither owner nor superuser: it reads and writes
-- the data, appends to the audit trail, and cannot UPDATE, DELETE or TRUNCATE AuditEvent, nor
-- drop or disable the triggers that keep it append-only (only a table's owner may).
-- scripts/app-role.test.ts applies this very file and proves each of these.
BEGIN;
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
-- The audit trail: read and append only.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM :"app_role";
-- The migration history: the backup reads it; only the owner writes it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM :"app_role";
-- Tables and sequences that later migrations create (as this owner) get the same data grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";
COMMIT;
