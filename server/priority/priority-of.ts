import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, readRows, type Tx } from "../db";
import { currentAndPreviousModels, DEFAULT_DTO } from "./model-versions";
import { priorityTenthsSql, RENUMBER_SQL, STORED_PRIORITY_ROWS_SQL } from "./priority-sql";

/** What the use-case DTO carries of the ranked list. */
export type Priority = { priorityScore: number | null; rank: number | null; previousRank: number | null };

export const NO_PRIORITY: Priority = { priorityScore: null, rank: null, previousRank: null };

/** Refreshers take turns (two refreshing the same rows in another order could deadlock). */
const REFRESH_LOCK = 0x5052_494f; // "PRIO"

/** A refresh of this many rows updates the planner's statistics of "UseCase". */
const BULK_REFRESH = 500;

/** A use case whose stored score was not computed under `version` (or was made stale by a trigger). */
export const staleSql = (version: number) =>
  Prisma.sql`(u."priorityModelVersion" IS NULL OR u."priorityModelVersion" < ${version} OR u."priorityModelVersion" > ${version})`;

/** The newest model version, in SQL (version 1, the default model, until an admin changes it). */
const NEWEST_VERSION_SQL = Prisma.sql`coalesce((SELECT max(s.version) FROM "ScoringModel" s), ${DEFAULT_DTO.version}::int)`;

/**
 * Recompute the stored scores that are stale: those the triggers of the stored-priority migration
 * marked (their scores, base EBITDA or tier changed), and all of them after a new model version;
 * then number the ranked list again (RENUMBER_SQL), in the same transaction.
 * A read calls it first, so it ranks on fresh scores; nothing to do costs one query.
 * The stale rows are locked before their scores are read, so a writer that comes later waits
 * and marks its row stale again. A row a writer holds now is skipped, never waited for (a
 * refresh that waited could deadlock with a writer holding several rows): it stays stale, and
 * the writer's own change is read by the next refresh.
 */
export async function refreshPriorities(models?: Awaited<ReturnType<typeof currentAndPreviousModels>>): Promise<void> {
  // Nothing stale (most reads): one round trip of three index probes, the newest version read
  // inside it (a stale test against a version the planner cannot see would scan the table).
  const version = models ? Prisma.sql`${models.current.version}::int` : NEWEST_VERSION_SQL;
  const [probe] = await readRows<{ stale: boolean }>(Prisma.sql`
    SELECT (EXISTS (SELECT 1 FROM "UseCase" u WHERE u."priorityModelVersion" IS NULL)
      OR (SELECT min(u."priorityModelVersion") FROM "UseCase" u) < m.v
      OR (SELECT max(u."priorityModelVersion") FROM "UseCase" u) > m.v) AS stale
    FROM (SELECT ${version} AS v) m`);
  if (!probe?.stale) return;
  const { current, previous } = models ?? (await currentAndPreviousModels());
  const stale = staleSql(current.version);
  const refreshed = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK}::bigint)`;
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT u.id FROM "UseCase" u WHERE ${stale} ORDER BY u.id FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return 0;
      const ids = locked.map((row) => row.id);
      await tx.$executeRaw`
        UPDATE "UseCase" x SET "priorityTenths" = t.tenths, "previousPriorityTenths" = t.previous,
          "priorityModelVersion" = ${current.version}
        FROM ${priorityTenthsSql(current, previous, Prisma.sql`u.id = ANY(${ids}::text[])`)} t
        WHERE x.id = t.id`;
      await tx.$executeRaw(RENUMBER_SQL);
      return ids.length;
    },
    { timeout: 60_000 },
  );
  // Many scores at once (a new model, the first fill): the planner's statistics of the columns
  // change with them, and a stale estimate (e.g. "no row is scored") picks a nested loop over
  // every rank. Autovacuum would analyze too, within a minute. A role that does not own the
  // table gets a warning, not an error.
  if (refreshed >= BULK_REFRESH) await db.$executeRaw`ANALYZE "UseCase"`;
}

/** The priority rows `("useCaseId", tenths, rank, "previousRank")` of the scored use cases, on fresh scores. */
export async function priorityRows(): Promise<Prisma.Sql> {
  await refreshPriorities();
  return STORED_PRIORITY_ROWS_SQL;
}

/**
 * One use case's score and ranks, as stored. Inside a writer's transaction (`client` a Tx) they
 * are read as they are: a refresh there would wait for the rows that transaction holds.
 */
export async function priorityOf(useCaseId: string, client: Tx | typeof db = db): Promise<Priority> {
  if (client === db) await refreshPriorities();
  const rows = await client.$queryRaw<{ tenths: number | null; rank: number | null; previousRank: number | null }[]>`
    SELECT r.tenths, r.rank, r."previousRank" FROM "PriorityRank" r WHERE r."useCaseId" = ${useCaseId}`;
  const row = rows[0];
  if (!row) return NO_PRIORITY;
  return {
    priorityScore: row.tenths == null ? null : row.tenths / 10,
    rank: row.rank,
    previousRank: row.previousRank,
  };
}
