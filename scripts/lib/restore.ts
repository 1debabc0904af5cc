// `db:restore`: checks a backup file whole (gzip CRC, structure, migrations) before writing
// anything, then applies the migrations and loads the data into a fresh database (the format:
// ./backup-format.ts).
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import type pg from "pg";
import {
  appliedMigrations,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BATCH,
  type BackupSummary,
  connect,
  countAndChecksumSql,
  type End,
  type Header,
  ident,
  listTables,
  literal,
  type Section,
  type Sequence,
} from "./backup-format.ts";
import { migrateDeploy } from "./prisma-cli.ts";

/** A batch of rows sent in one INSERT stays under this many characters of JSON. */
const BATCH_CHARS = 16 * 1024 * 1024;

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
