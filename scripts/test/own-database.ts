// For test files that need a database of their own (an empty one, or global state such as
// checklist templates that other files must not see): a fresh database on the test cluster,
// copied from the migrated, empty template the global setup made, with server/db.ts pointed at
// it. Import server modules dynamically after beforeAll.
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";

export function withOwnDatabase(label: string): { db: () => typeof import("@/server/db").db } {
  const base = inject("databaseUrl");
  const name = `${label}_${process.pid}_${Date.now()}`;
  const url = base.replace(/\/[^/]+$/, `/${name}`);
  let db: typeof import("@/server/db").db | undefined;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
    await admin.end();
    process.env.DATABASE_URL = url;
    delete (globalThis as { roadbookPrisma?: unknown }).roadbookPrisma;
    delete (globalThis as { roadbookPool?: unknown }).roadbookPool;
    db = (await import("@/server/db")).db;
    // A server module the test file imports statically (through a factory, say) loads
    // server/db.ts before this hook, on the shared database: that "own" database would not be.
    const [row] = await db.$queryRaw<{ current: string }[]>`SELECT current_database() AS current`;
    const current = row?.current;
    if (current !== name) {
      throw new Error(
        `withOwnDatabase("${label}"): server/db.ts was loaded before the database was made (it points at ${current}); import server modules dynamically, after beforeAll`,
      );
    }
  });

  afterAll(async () => {
    await db?.$disconnect();
    // End the pool before the database goes (unless the client's disconnect already did).
    const pool = (globalThis as { roadbookPool?: pg.Pool & { ending?: boolean; ended?: boolean } }).roadbookPool;
    if (pool && !pool.ending && !pool.ended) await pool.end();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  return {
    db: () => {
      if (!db) throw new Error("withOwnDatabase: the database is not ready yet (use it inside tests)");
      return db;
    },
  };
}
