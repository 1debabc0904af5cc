// db:backup / db:restore (scripts/lib/backup.ts, restore.ts): the demo portfolio plus awkward values in
// every table, backed up, restored into fresh databases on the test cluster, compared table by
// table; the refusals (non-empty target, truncated or edited file, unknown migration); the CLI.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase } from "./lib/backup";
import { restoreDatabase } from "./lib/restore";
import { withOwnDatabase } from "./test/own-database";

const own = withOwnDatabase("backup_src");
const base = inject("databaseUrl");
const dir = mkdtempSync(path.join(os.tmpdir(), "roadbook-backup-"));
const file = path.join(dir, "demo.jsonl.gz");
const created: string[] = [];
let sourceUrl = "";

/** A fresh, empty database (not migrated) on the test cluster. */
async function freshDatabase(label: string): Promise<string> {
  const name = `backup_${label}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  return base.replace(/\/[^/]+$/, `/${name}`);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Every public table (and sequence) with its row count and an md5 of all its rows' text. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const result: Record<string, string> = {};
    const tables = await c.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    for (const { name } of tables.rows) {
      const r = await c.query(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text COLLATE "C")) AS h FROM "${name}" t`,
      );
      result[name] = `${r.rows[0].n} ${r.rows[0].h}`;
    }
    const seqs = await c.query<{ name: string }>(
      `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const { name } of seqs.rows) {
      const r = await c.query(`SELECT last_value, is_called FROM "${name}"`);
      result[`sequence ${name}`] = `${r.rows[0].last_value} ${r.rows[0].is_called}`;
    }
    return result;
  });
}

async function publicTables(url: string): Promise<number> {
  return withClient(url, async (c) =>
    Number((await c.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n),
  );
}

/** Rewrites the backup's decompressed text. */
function editBackup(target: string, edit: (text: string) => string): void {
  writeFileSync(target, gzipSync(edit(gunzipSync(readFileSync(file)).toString("utf8"))));
}

function cli(args: string[], databaseUrl: string) {
  const started = Date.now();
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

// Values that a careless dump gets wrong: quotes, backslashes, newlines, unicode, NULLs in arrays,
// big numbers in JSON, microseconds, decimals at full precision.
const AWKWARD = `It's "quoted", back\\slash, tab\there,\nnew line; ünïcødé ✓ 🚀 -- ' OR 1=1`;

async function seedEverything(url: string): Promise<void> {
  const { seedDemoPortfolio } = await import("@/prisma/seed/demo-portfolio");
  await seedDemoPortfolio(own.db());
  // The first read numbers the ranked list (the stored ranks): as a running server would have.
  const { refreshPriorities } = await import("@/server/priority/priority-of");
  await refreshPriorities();
  await withClient(url, async (c) => {
    const user = (await c.query(`SELECT id FROM "User" ORDER BY email LIMIT 1`)).rows[0].id as string;
    const uc = (await c.query(`SELECT id FROM "UseCase" ORDER BY number LIMIT 1`)).rows[0].id as string;
    const review = (await c.query(`SELECT id FROM "GateReview" ORDER BY "requestedAt" LIMIT 1`)).rows[0].id as string;
    await c.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "lastUsedAt", scope, "expiresAt")
       VALUES ('bk_token', $1, $2, 'hash-1', 'rb_abc', '2026-01-02 03:04:05.678', 'READ_ONLY', '2027-01-02 03:04:05.678')`,
      [user, AWKWARD],
    );
    await c.query(`INSERT INTO "SetupCode" (id, hash) VALUES ('bk_setup', $1)`, ["e3b0c442".repeat(8)]);
    await c.query(
      `INSERT INTO "LoginAttempt" (id, email, ip, succeeded, at) VALUES ('bk_login', 'a@b.c', '::1', false, '2026-03-04 05:06:07.891')`,
    );
    await c.query(
      `INSERT INTO "AuditEvent" (id, "actorId", action, entity, "entityId", before, after, "useCaseId")
       VALUES ('bk_audit1', $1, 'test.awkward', 'UseCase', $2, $3::jsonb, $4::jsonb, $2),
              ('bk_audit2', NULL, 'test.null', 'User', 'x', NULL, 'null'::jsonb, NULL)`,
      [
        user,
        uc,
        JSON.stringify({ text: AWKWARD, nested: { list: [1, 2.5, null, true] } }),
        '{"big": 123456789012345678901234567890.123456789, "tiny": 1e-20, "s": "\\u00e9t\\u00e9"}',
      ],
    );
    await c.query(
      `INSERT INTO "Notification" (id, "userId", kind, title, href) VALUES ('bk_note', $1, 'test', $2, '/x?a=1&b=2')`,
      [user, AWKWARD],
    );
    await c.query(
      `INSERT INTO "Comment" (id, "useCaseId", "gateReviewId", "authorId", body, mentions)
       VALUES ('bk_comment1', $1, NULL, $2, $3, ARRAY['a,b', 'c"d', NULL, '', 'e\\f']),
              ('bk_comment2', $1, $4, $2, 'on a review', '{}')`,
      [uc, user, AWKWARD, review],
    );
    await c.query(
      `INSERT INTO "Webhook" (id, url, description, events, secret, "createdById", "updatedAt")
       VALUES ('bk_hook', 'https://hooks.example/x', $1, ARRAY['gate.decided', 'stage.changed'], 'enc:abc', $2, now())`,
      [AWKWARD, user],
    );
    await c.query(
      `INSERT INTO "WebhookDelivery" (id, "webhookId", event, payload, status, attempts, "lastStatus", "lastError")
       VALUES ('bk_delivery', 'bk_hook', 'gate.decided', $1::jsonb, 'FAILED', 3, 500, $2)`,
      [JSON.stringify({ amount: "1250000.00", text: AWKWARD }), AWKWARD],
    );
    await c.query(
      `INSERT INTO "OrgSettings" (id, currency, "probeAllow", "stageProbabilities", "updatedAt")
       VALUES (1, 'CHF', ARRAY['10.0.0.0/8', 'grafana.internal'], ARRAY[5, 25, 55, 95], now())
       ON CONFLICT (id) DO UPDATE SET "probeAllow" = EXCLUDED."probeAllow"`,
    );
    await c.query(
      `INSERT INTO "Service" (id, "useCaseId", name, kind, environment, url, "updatedAt")
       VALUES ('bk_service', $1, $2, 'GRAFANA', 'PRODUCTION', 'http://grafana.internal:3000', now())`,
      [uc, AWKWARD],
    );
    await c.query(
      `INSERT INTO "ServiceProbe" (id, "serviceId", status, "httpStatus", "latencyMs")
       VALUES ('bk_probe1', 'bk_service', 'UP', 200, 12), ('bk_probe2', 'bk_service', 'DOWN', NULL, NULL)`,
    );
    await c.query(
      `INSERT INTO "Feedback" (id, "useCaseId", "authorId", text, rating, stage)
       VALUES ('bk_feedback', $1, $2, $3, NULL, 'PROTOTYPE')`,
      [uc, user, AWKWARD],
    );
    await c.query(
      `INSERT INTO "Actual" (id, "useCaseId", period, ebitda, note, "authorId")
       VALUES ('bk_actual', $1, '1999-12', 9999999999999.99, $2, $3)`,
      [uc, AWKWARD, user],
    );
    // The toolchain and review-flow tables, which the demo portfolio leaves empty.
    const other = (await c.query(`SELECT id FROM "User" ORDER BY email OFFSET 1 LIMIT 1`)).rows[0].id as string;
    await c.query(
      `INSERT INTO "RegistryConnection" (id, name, "baseUrl", auth, username, secret, "verifyTls", "updatedAt")
       VALUES ('bk_registry', $1, 'https://mlflow.example.com', 'BASIC', 'ci', 'enc:xyz', false, now())`,
      [AWKWARD],
    );
    await c.query(
      `INSERT INTO "ModelLink" (id, "useCaseId", "registryId", "modelName", cache, "syncStatus", "syncError")
       VALUES ('bk_model', $1, 'bk_registry', 'churn', $2::jsonb, 'STALE', $3)`,
      [
        uc,
        JSON.stringify({ versions: [{ version: "7", aliases: ["champion"], metrics: { auc: 0.8123456789 } }] }),
        AWKWARD,
      ],
    );
    await c.query(`INSERT INTO "CodeRepository" ("useCaseId", url, "updatedAt") VALUES ($1, $2, now())`, [
      uc,
      "https://git.example.com/team/churn?x=1&y=2",
    ]);
    await c.query(
      `INSERT INTO "GateRelease" ("gateReviewId", "useCaseId", "modelName", "modelVersion", aliases, "commitRef")
       VALUES ($1, $2, 'churn', '7', ARRAY['champion', NULL, ''], 'a1b2c3d')`,
      [review, uc],
    );
    await c.query(
      `INSERT INTO "ReviewReminder" (id, "reviewId", "userId", step) VALUES ('bk_reminder', $1, $2, 'HALF')`,
      [review, user],
    );
    await c.query(
      `INSERT INTO "Delegation" (id, "userId", "delegateId", "from", "to", "endedAt", "endedById")
       VALUES ('bk_delegation', $1, $2, '2026-12-07', '2026-12-11', '2026-12-08 09:10:11.123456', $1)`,
      [user, other],
    );
    // Evidence files: every byte value, and one of a few MB (fetched alone by the backup).
    const item = (await c.query(`SELECT id FROM "ChecklistItem" WHERE "useCaseId" = $1 LIMIT 1`, [uc])).rows[0]?.id as
      | string
      | undefined;
    const target = item
      ? { kind: "CHECKLIST_ITEM", column: "checklistItemId", id: item }
      : { kind: "GATE_REVIEW", column: "gateReviewId", id: review };
    for (const [id, bytes] of [
      ["bk_file_bytes", Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256))],
      ["bk_file_big", randomBytes(3 * 1024 * 1024)],
    ] as const) {
      await c.query(
        `INSERT INTO "Attachment" (id, "useCaseId", target, "${target.column}", filename, "contentType", size, sha256, "uploadedById")
         VALUES ($1, $2, $3, $4, $5, 'application/octet-stream', $6, encode(sha256($7), 'hex'), $8)`,
        [id, uc, target.kind, target.id, AWKWARD, bytes.byteLength, bytes, user],
      );
      await c.query(`INSERT INTO "AttachmentContent" ("attachmentId", bytes) VALUES ($1, $2)`, [id, bytes]);
    }
    // A saved scoring model version (the demo portfolio keeps the built-in default).
    await c.query(
      `INSERT INTO "ScoringModel" (id, version, formula, criteria, "ebitdaBands", "createdById")
       VALUES ('bk_model_v2', 2, 'WEIGHTED', $1::jsonb, ARRAY[100000, 500000.5, 1000000, 9999999999999.99]::numeric[], $2)`,
      [
        JSON.stringify([
          {
            key: "fit",
            label: AWKWARD,
            weight: 7,
            inverted: true,
            derivedFrom: null,
            guidance: ["a", "", "c", "d", "e"],
          },
        ]),
        user,
      ],
    );
    // A saved risk screening template version (the demo portfolio screens on version 1, in code).
    await c.query(
      `INSERT INTO "RiskQuestionnaireTemplate" (id, version, title, questions, rules, "createdById")
       VALUES ('bk_risk_template_v2', 2, $1, $2::jsonb, $3::jsonb, $4)`,
      [
        AWKWARD,
        JSON.stringify([
          { id: "transparencyNotice", type: "text", text: AWKWARD, required: false },
          {
            id: "scoring",
            type: "yes-no",
            text: "Scores people?",
            help: "",
            link: "https://example.org/",
            required: true,
          },
        ]),
        JSON.stringify([{ tier: "HIGH", reason: AWKWARD, question: "scoring", equals: true }]),
        user,
      ],
    );
    // A funding-round snapshot: the ranked list frozen as JSON.
    await c.query(
      `INSERT INTO "FundingSnapshot" (id, name, "createdById", "modelVersion", model, rows, count)
       VALUES ('bk_funding_round', $1, $2, 1, $3::jsonb, $4::jsonb, 1)`,
      [
        AWKWARD.slice(0, 120),
        user,
        JSON.stringify({ formula: "WEIGHTED", criteria: [{ key: "business-value", label: AWKWARD, weight: 30 }] }),
        JSON.stringify([{ key: "UC-1", title: AWKWARD, rank: 1, priorityScore: 42.5 }]),
      ],
    );
    // A saved view (a text[] of columns), shared, and the user's landing view.
    await c.query(
      `INSERT INTO "SavedView" (id, "ownerId", name, shared, query, columns, "updatedAt")
       VALUES ('bk_view', $1, $2, true, 'stage=POC&tag=a%2Cb', ARRAY['stage','value'], now())`,
      [user, AWKWARD.slice(0, 80)],
    );
    await c.query(`UPDATE "User" SET "defaultViewId" = 'bk_view' WHERE id = $1`, [user]);
    // A gap in UseCase.number: the sequence runs ahead of the rows, and must stay there.
    await c.query(`SELECT nextval('"UseCase_number_seq"'), nextval('"UseCase_number_seq"')`);
  });
}

beforeAll(async () => {
  sourceUrl = process.env.DATABASE_URL ?? "";
  await seedEverything(sourceUrl);
}, 180_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await withClient(base, async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

describe("db:backup and db:restore", () => {
  // Tests that restore into a fresh database run `prisma migrate deploy` (seconds on a busy machine).
  it("restores the demo portfolio into a fresh database with every table and sequence identical", {
    timeout: 120_000,
  }, async () => {
    const source = await fingerprint(sourceUrl);
    const empty = Object.entries(source).filter(([name, v]) => !name.startsWith("sequence") && v.startsWith("0 "));
    expect(empty, "every table has rows to compare").toEqual([]);
    expect(Object.keys(source).length).toBeGreaterThan(20);

    const backup = await backupDatabase(sourceUrl, file);
    expect(backup.tables).toBe(Object.keys(source).filter((k) => !k.startsWith("sequence")).length);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    const header = JSON.parse(lines[0] ?? "");
    expect(header).toMatchObject({ format: "roadbook-backup", version: 1 });
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(lines.length).toBe(1 + backup.tables + backup.rows + 2);
    // Money as a string, never a JSON number.
    expect(lines.find((l) => l.includes('"bk_actual"'))).toContain('"ebitda":"9999999999999.99"');

    const target = await freshDatabase("restore");
    const restored = await restoreDatabase(target, file);
    expect(restored).toMatchObject({ tables: backup.tables, rows: backup.rows });
    expect(await fingerprint(target)).toEqual(source);
    console.log(
      `demo portfolio: backup ${backup.rows} rows, ${backup.bytes} bytes in ${backup.seconds}s; restore in ${restored.seconds}s`,
    );

    // The restored database is usable: the next use case continues after the sequence's value.
    await withClient(target, async (c) => {
      const next = await c.query(`SELECT nextval('"UseCase_number_seq"') AS n`);
      const max = await c.query(`SELECT max(number) AS n FROM "UseCase"`);
      expect(Number(next.rows[0].n)).toBe(Number(max.rows[0].n) + 3);
      await expect(c.query(`DELETE FROM "AuditEvent" WHERE id = 'bk_audit1'`)).rejects.toThrow(/append-only/);
      // The evidence files came back byte for byte: each one's bytes still hash to its SHA-256.
      const files = await c.query(
        `SELECT a.id, a.size, length(f.bytes) AS length, a.sha256 = encode(sha256(f.bytes), 'hex') AS intact
         FROM "Attachment" a JOIN "AttachmentContent" f ON f."attachmentId" = a.id ORDER BY a.id`,
      );
      expect(files.rows.filter((f) => f.id.startsWith("bk_file"))).toEqual([
        { id: "bk_file_big", size: 3 * 1024 * 1024, length: 3 * 1024 * 1024, intact: true },
        { id: "bk_file_bytes", size: 512, length: 512, intact: true },
      ]);
      expect(files.rows.every((f) => f.intact)).toBe(true);
    });
  });

  it("refuses a database that has data, and changes nothing in it", async () => {
    const before = await fingerprint(sourceUrl);
    await expect(restoreDatabase(sourceUrl, file)).rejects.toThrow(
      "The target database is not empty: restore into a fresh database.",
    );
    expect(await fingerprint(sourceUrl)).toEqual(before);
  });

  it("refuses a truncated file before writing anything", async () => {
    const truncated = path.join(dir, "truncated.gz");
    const bytes = readFileSync(file);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = await freshDatabase("truncated");
    const error = await restoreDatabase(target, truncated).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/truncated or corrupt/);
    expect((error as Error).message).not.toContain("\n");
    expect(await publicTables(target)).toBe(0); // not even the migrations

    // Cut at a line boundary and recompressed: a valid gzip, but the summary is missing.
    const cut = path.join(dir, "cut.gz");
    const text = gunzipSync(bytes).toString("utf8");
    writeFileSync(cut, gzipSync(text.slice(0, text.lastIndexOf("\n", text.length / 2) + 1)));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/truncated/);
    expect(await publicTables(target)).toBe(0);
  });

  it("rolls back when a row was altered (the checksums), and refuses unknown migrations", {
    timeout: 120_000,
  }, async () => {
    const edited = path.join(dir, "edited.gz");
    editBackup(edited, (t) => t.replace("Customer churn early warning", "Customer churn early warninG"));
    const target = await freshDatabase("edited");
    await expect(restoreDatabase(target, edited)).rejects.toThrow(/^Verification failed for \w+: /);
    const after = await fingerprint(target);
    expect(Object.entries(after).filter(([k, v]) => !k.startsWith("sequence") && !v.startsWith("0 "))).toEqual([]);
    expect(after["sequence UseCase_number_seq"]).toBe("1 false");

    const future = path.join(dir, "future.gz");
    editBackup(future, (t) => t.replace('"migrations":[', '"migrations":["00000000000000_elsewhere",'));
    await expect(restoreDatabase(target, future)).rejects.toThrow(/00000000000000_elsewhere/);

    // The failed attempts left the database usable: the intact file now restores into it.
    await restoreDatabase(target, file);
    expect(await fingerprint(target)).toEqual(await fingerprint(sourceUrl));
  });

  it("works from the CLI: db:backup and db:restore print a summary; a missing --out is a one-line error", {
    timeout: 120_000,
  }, async () => {
    const out = path.join(dir, "cli.jsonl.gz");
    const backup = cli(["db:backup", "--out", out], sourceUrl);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backed up \d+ tables, \d+ rows \([\d.]+ [kM]B\) in [\d.]+ s to .*cli\.jsonl\.gz\.\n$/,
    );

    const target = await freshDatabase("cli");
    const restore = cli(["db:restore", "--in", out], target);
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/^Restored \d+ tables, \d+ rows .* from .*cli\.jsonl\.gz\.\n$/);
    expect(await fingerprint(target)).toEqual(await fingerprint(sourceUrl));
    console.log(`CLI: backup ${backup.seconds}s, restore ${restore.seconds}s (process start included)`);

    const missing = cli(["db:backup"], sourceUrl);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/--out is required/);
  });
});
