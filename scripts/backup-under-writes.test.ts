// db:backup is "one consistent snapshot" (scripts/lib/backup.ts). Proved here under load: while
// writers commit use cases, each with a comment and an audit event in the same transaction, a
// backup is taken and restored into a fresh database. The restored database must hold the
// three kinds in equal numbers (the tables were read at one instant, not one after another),
// a number between the commits counted before and after the backup, and no row may point at a
// missing one (every foreign key of the schema is checked).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase } from "./lib/backup";
import { restoreDatabase } from "./lib/restore";
import { withOwnDatabase } from "./test/own-database";

const own = withOwnDatabase("backup_writes");
const base = inject("databaseUrl");
const dir = mkdtempSync(path.join(os.tmpdir(), "roadbook-backup-writes-"));
const restoredName = `backup_writes_restored_${process.pid}_${Date.now()}`;
const WRITERS = 2;
const MARK = "backup-under-writes";

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Commits use cases, each with its comment and audit event, until told to stop; counts the commits. */
function startWriter(url: string, ownerId: string, writer: number, committed: { n: number }) {
  let stop = false;
  const done = (async () => {
    const client = await connect(url);
    try {
      for (let i = 0; !stop; i++) {
        const id = `${MARK}-${writer}-${i}`;
        await client.query("BEGIN");
        await client.query(`INSERT INTO "UseCase" (id, title, "ownerId", "updatedAt") VALUES ($1, $1, $2, now())`, [
          id,
          ownerId,
        ]);
        await client.query(
          `INSERT INTO "Comment" (id, "useCaseId", "authorId", body, mentions) VALUES ($1, $2, $3, $4, '{}')`,
          [`${id}-comment`, id, ownerId, MARK],
        );
        await client.query(
          `INSERT INTO "AuditEvent" (id, "actorId", action, entity, "entityId", "useCaseId")
           VALUES ($1, $2, $3, 'UseCase', $4, $4)`,
          [`${id}-event`, ownerId, `test.${MARK}`, id],
        );
        await client.query("COMMIT");
        committed.n += 1;
      }
    } finally {
      await client.end();
    }
  })();
  return {
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

/** Rows whose foreign key names a row that does not exist, per constraint (every single-column FK). */
async function orphans(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string; child: string; col: string; parent: string; pcol: string }>(
    `SELECT c.conname AS name, child.relname AS child, ca.attname AS col, parent.relname AS parent, pa.attname AS pcol
       FROM pg_constraint c
       JOIN pg_class child ON child.oid = c.conrelid
       JOIN pg_class parent ON parent.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1`,
  );
  const found: Record<string, number> = {};
  for (const fk of rows) {
    const result = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "${fk.child}" c
        WHERE c."${fk.col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${fk.parent}" p WHERE p."${fk.pcol}" = c."${fk.col}")`,
    );
    found[fk.name] = Number(result.rows[0]?.n);
  }
  return found;
}

beforeAll(async () => {
  const { seedDemoPortfolio } = await import("@/prisma/seed/demo-portfolio");
  await seedDemoPortfolio(own.db());
}, 180_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = await connect(base);
  await admin.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
  await admin.end();
});

describe("db:backup under concurrent writes", () => {
  it("holds one instant: every table's rows from the same moment, and every foreign key whole after restore", {
    timeout: 180_000,
  }, async () => {
    const sourceUrl = process.env.DATABASE_URL ?? "";
    const owner = await own.db().user.findFirstOrThrow({ orderBy: { email: "asc" } });
    const committed = { n: 0 };
    const writers = Array.from({ length: WRITERS }, (_, i) => startWriter(sourceUrl, owner.id, i, committed));
    try {
      while (committed.n < 20) await new Promise((resolve) => setTimeout(resolve, 10));
      const before = committed.n;
      const file = path.join(dir, "under-writes.jsonl.gz");
      await backupDatabase(sourceUrl, file);
      const after = committed.n;
      // The writers went on while the backup read the tables: otherwise this proves nothing.
      expect(after, "writes committed while the backup ran").toBeGreaterThan(before);

      const admin = await connect(base);
      await admin.query(`CREATE DATABASE ${restoredName}`);
      await admin.end();
      const restoredUrl = base.replace(/\/[^/]+$/, `/${restoredName}`);
      await restoreDatabase(restoredUrl, file);

      const restored = await connect(restoredUrl);
      try {
        const count = async (sql: string) => Number((await restored.query<{ n: string }>(sql, [MARK])).rows[0]?.n);
        const useCases = await count(`SELECT count(*) AS n FROM "UseCase" WHERE title LIKE $1 || '-%'`);
        const comments = await count(`SELECT count(*) AS n FROM "Comment" WHERE body = $1`);
        const events = await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'test.' || $1`);
        expect({ comments, events }, "each use case came with its comment and event").toEqual({
          comments: useCases,
          events: useCases,
        });
        expect(useCases).toBeGreaterThanOrEqual(before);
        expect(useCases).toBeLessThanOrEqual(after);
        const broken = Object.entries(await orphans(restored)).filter(([, n]) => n > 0);
        expect(broken, "foreign keys naming a missing row").toEqual([]);
      } finally {
        await restored.end();
      }
    } finally {
      for (const writer of writers) await writer.stop();
    }
  });
});
