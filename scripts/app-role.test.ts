// The two-role set-up of docs/operations.md ("Two database roles"), on the real test cluster: an
// owner role (not a superuser) runs the migrations, deploy/postgres/app-role.sql grants the
// application role its rights, and the app then works as that role while the audit trail is
// beyond its reach: no UPDATE, DELETE or TRUNCATE, and no way to drop or disable the triggers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrateDeploy } from "./lib/prisma-cli";
import { withClient } from "./test/with-client";

const root = fileURLToPath(new URL("..", import.meta.url));
const base = inject("databaseUrl");
const suffix = `${process.pid}_${Date.now()}`;
const owner = { role: `rb_owner_${suffix}`, password: "owner-pw" };
const app = { role: `rb_app_${suffix}`, password: "app-pw" };
const database = `approle_${suffix}`;
const urlAs = (who: { role: string; password: string }) => {
  const url = new URL(base);
  url.username = who.role;
  url.password = who.password;
  url.pathname = `/${database}`;
  return url.toString();
};

/** deploy/postgres/app-role.sql as psql runs it with `-v app_role=<role>`. */
function appRoleSql(role: string): string {
  return readFileSync(path.join(root, "deploy/postgres/app-role.sql"), "utf8").replaceAll(':"app_role"', `"${role}"`);
}

/**
 * "ok", or "refused by privileges" when PostgreSQL's access checks refuse `sql` (not the
 * append-only trigger, which answers with the same SQLSTATE), or the error message.
 */
async function outcome(client: pg.Client, sql: string): Promise<string> {
  return client.query(sql).then(
    () => "ok",
    (error: Error) =>
      /^(permission denied|must be owner)/.test(error.message) ? INSUFFICIENT_PRIVILEGE : error.message,
  );
}

const INSUFFICIENT_PRIVILEGE = "refused by privileges";

let db: typeof import("@/server/db").db | undefined;

beforeAll(async () => {
  await withClient(base, async (superuser) => {
    await superuser.query(`CREATE ROLE ${owner.role} LOGIN PASSWORD '${owner.password}' NOSUPERUSER`);
    await superuser.query(`CREATE ROLE ${app.role} LOGIN PASSWORD '${app.password}' NOSUPERUSER`);
    await superuser.query(`CREATE DATABASE ${database} OWNER ${owner.role}`);
  });
  migrateDeploy(urlAs(owner));
  await withClient(urlAs(owner), (client) => client.query(appRoleSql(app.role)));
  // The app (server/db.ts) connects as the application role.
  process.env.DATABASE_URL = urlAs(app);
  delete (globalThis as { roadbookPrisma?: unknown }).roadbookPrisma;
  delete (globalThis as { roadbookPool?: unknown }).roadbookPool;
  db = (await import("@/server/db")).db;
});

afterAll(async () => {
  await db?.$disconnect();
  const pool = (globalThis as { roadbookPool?: pg.Pool & { ending?: boolean; ended?: boolean } }).roadbookPool;
  if (pool && !pool.ending && !pool.ended) await pool.end();
  await withClient(base, async (superuser) => {
    await superuser.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await superuser.query(`DROP ROLE IF EXISTS ${app.role}`);
    await superuser.query(`DROP ROLE IF EXISTS ${owner.role}`);
  });
});

describe("two database roles: the owner migrates, the app role runs the app", () => {
  it("the app reads and writes as the app role, and every change still lands in the audit trail", {
    timeout: 120_000,
  }, async () => {
    const appDb = db as NonNullable<typeof db>;
    const { makeUseCase, makeUser, satisfyGateCriteria } = await import("@/prisma/seed/factories");
    const { requestGateReview } = await import("@/server/gates/request-gate-review");
    const { decideGate } = await import("@/server/gates/decide-gate");
    const { createComment } = await import("@/server/comments/create-comment");
    const { formatKey } = await import("@/lib/lifecycle");
    const ownerUser = await makeUser(appDb, { role: "DATA_SCIENTIST" });
    const business = await makeUser(appDb, { role: "BUSINESS" });
    const it_ = await makeUser(appDb, { role: "IT" });
    const row = await makeUseCase(appDb, { ownerId: ownerUser.id, sponsorId: business.id, stage: "PROTOTYPE" });
    await satisfyGateCriteria(appDb, "G2", { useCaseId: row.id, authorId: ownerUser.id });
    const key = formatKey(row.number);
    const review = await requestGateReview(ownerUser, key, { note: "Ready" });
    await decideGate(business, review.id, { decision: "GO", rationale: "Works for the team" });
    await decideGate(it_, review.id, { decision: "GO", rationale: "Runs on our platform" });
    await createComment(ownerUser, key, { body: "Moved on to packaging." });
    expect((await appDb.useCase.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("PACKAGING");
    const actions = (await appDb.auditEvent.findMany({ where: { useCaseId: row.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["gate.request", "gate.vote", "gate.decide", "comment.create"]));
  });

  it("the app role cannot UPDATE, DELETE or TRUNCATE AuditEvent, nor drop or disable its triggers", async () => {
    const triggers = await withClient(urlAs(owner), async (client) =>
      (
        await client.query<{ tgname: string }>(
          `SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY 1`,
        )
      ).rows.map((row) => row.tgname),
    );
    expect(triggers).toEqual(["AuditEvent_append_only", "AuditEvent_no_truncate"]);
    await withClient(urlAs(app), async (client) => {
      expect(await outcome(client, `SELECT count(*) FROM "AuditEvent"`)).toBe("ok");
      // Privileges refuse before the triggers are even reached.
      for (const sql of [
        `UPDATE "AuditEvent" SET action = 'rewritten'`,
        `DELETE FROM "AuditEvent"`,
        `TRUNCATE "AuditEvent"`,
        `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`,
        `DROP TRIGGER "AuditEvent_no_truncate" ON "AuditEvent"`,
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
        `DROP FUNCTION roadbook_audit_append_only() CASCADE`,
        `DROP TABLE "AuditEvent"`,
        // The other way round triggers: not for a role that is not a superuser.
        `SET session_replication_role = replica`,
        // Nor may it rewrite the migration history.
        `DELETE FROM "_prisma_migrations"`,
      ])
        expect(await outcome(client, sql), sql).toBe(INSUFFICIENT_PRIVILEGE);
    });
    // In the one-role set-up the app's role owns the table, and can drop the trigger: the attack
    // this set-up removes (shown inside a transaction that is rolled back).
    await withClient(urlAs(owner), async (client) => {
      await client.query("BEGIN");
      expect(await outcome(client, `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`)).toBe("ok");
      await client.query("ROLLBACK");
    });
  });

  it("a table a later migration creates (as the owner) is usable by the app role at once", async () => {
    await withClient(urlAs(owner), (client) =>
      client.query(`CREATE TABLE "LaterFeature" (id serial PRIMARY KEY, note text NOT NULL)`),
    );
    await withClient(urlAs(app), async (client) => {
      await client.query(`INSERT INTO "LaterFeature" (note) VALUES ('works')`);
      await client.query(`UPDATE "LaterFeature" SET note = 'still works'`);
      expect((await client.query(`SELECT note FROM "LaterFeature"`)).rows).toEqual([{ note: "still works" }]);
      expect(await outcome(client, `DROP TABLE "LaterFeature"`)).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  it("the grants can be applied again after an upgrade, changing nothing", async () => {
    await withClient(urlAs(owner), (client) => client.query(appRoleSql(app.role)));
    await withClient(urlAs(app), async (client) => {
      expect(await outcome(client, `DELETE FROM "AuditEvent"`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await outcome(client, `SELECT 1 FROM "User" LIMIT 1`)).toBe("ok");
    });
  });
});
