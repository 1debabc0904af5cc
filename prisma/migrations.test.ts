import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { prisma } from "@/scripts/lib/prisma-cli";

// The committed migrations and prisma/schema.prisma must describe the same database:
// the test database has every migration applied; a second database gets the schema's
// from-empty script; their catalogs must match.
const CATALOG = `
  SELECT 'column' AS kind, table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL SELECT 'index', indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL SELECT 'constraint', conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
  UNION ALL SELECT 'enum', t.typname || '.' || e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
  ORDER BY 1, 2`;

async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ kind: string; item: string }>(CATALOG)).rows.map((r) => `${r.kind}: ${r.item}`);
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("produce exactly the database the schema describes", async () => {
    const migratedUrl = inject("databaseUrl");
    const script = prisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      migratedUrl,
      { quiet: true },
    );
    const name = `schema_check_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: migratedUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const freshUrl = migratedUrl.replace(/\/[^/]+$/, `/${name}`);
    try {
      const fresh = new pg.Client({ connectionString: freshUrl });
      // A failing script must report itself, not the connection the cleanup then terminates.
      fresh.on("error", () => {});
      await fresh.connect();
      try {
        // The schema's indexes use pg_trgm's operator classes; the migrations create the
        // extension (20261205230000_trigram_search), Prisma's from-empty script does not know
        // extensions, so the fresh database gets it first, as the migrated one has it.
        await fresh.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        await fresh.query(script);
      } finally {
        await fresh.end();
      }
      const [fromMigrations, fromSchema] = await Promise.all([catalog(migratedUrl), catalog(freshUrl)]);
      expect(fromMigrations.length).toBeGreaterThan(20);
      expect(fromMigrations).toEqual(fromSchema);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
