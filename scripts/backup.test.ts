// db:backup / db:restore (scripts/lib/backup.ts, restore.ts): the demo portfolio plus awkward values in
// every table, backed up, restored into fresh databases on the test cluster, compared table by
// table; the refusals (non-empty target, truncated or edited file, unknown migration); the CLI.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase } from "./lib/backup";
import { restoreDatabase } from "./lib/restore";
import { seedEverything } from "./test/backup-fixture";
import { withOwnDatabase } from "./test/own-database";
import { withClient } from "./test/with-client";

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

beforeAll(async () => {
  sourceUrl = process.env.DATABASE_URL ?? "";
  await seedEverything(sourceUrl, own.db());
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
