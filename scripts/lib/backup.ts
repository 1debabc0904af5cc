// `db:backup`: a consistent dump of the database, in one snapshot (the format: ./backup-format.ts).
import { createWriteStream, renameSync, rmSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
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
  listColumns,
  listTables,
  literal,
  type Section,
  type Sequence,
} from "./backup-format.ts";

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
        // A row with bytea (an evidence file, up to its limit) is fetched alone: a batch of
        // them would hold that many files in memory at once.
        const fetchSize = columns.some((c) => c.type === "bytea") ? 1 : BATCH;
        let streamed = 0;
        for (;;) {
          const batch = await client.query<{ j: string }>(`FETCH ${fetchSize} FROM roadbook_backup`);
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
