import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Stage, StopReason } from "@/lib/lifecycle";
import { db } from "../db";

/**
 * The whole portfolio's counts and money, from the rows of change that triggers add to
 * UseCaseTally and GateReviewTally in every writing transaction (migration `portfolio_tallies`,
 * decision 0005). They answer the unfiltered summary; a filtered one aggregates the use cases.
 * Each function returns the same rows as the live aggregate it replaces.
 */

export type StageStatusRow = {
  stage: Stage;
  status: string;
  n: number;
  base: string | null;
  low: string | null;
  high: string | null;
  /** Use cases with a base estimate in another currency. */
  other: number;
};
export type AreaRow = { area: string | null; stage: Stage; base: string | null };
export type DecidedRow = { from: Stage; decision: string; reason: StopReason | null; n: number };

/** Past this many rows of change, a table's rows are folded into one per bucket. */
const FOLD_AFTER = 1000;

/** Count and money per stage and status (money in `currency` only). */
export async function storedStageStatus(currency: string): Promise<StageStatusRow[]> {
  const rows = await db.$queryRaw<(StageStatusRow & { rows: number })[]>(Prisma.sql`
    SELECT stage, status::text AS status, sum(count)::int AS n,
      sum("ebitdaBase") FILTER (WHERE currency = ${currency})::text AS base,
      sum("ebitdaLow") FILTER (WHERE currency = ${currency})::text AS low,
      sum("ebitdaHigh") FILTER (WHERE currency = ${currency})::text AS high,
      coalesce(sum("withBase") FILTER (WHERE currency <> ${currency}), 0)::int AS other,
      (SELECT count(*)::int FROM "UseCaseTally") AS rows
    FROM "UseCaseTally" GROUP BY 1, 2`);
  foldWhenLong("UseCaseTally", rows[0]?.rows ?? 0);
  return occupied(rows);
}

/** Base EBITDA of the active use cases in `currency`, per benefit area and stage. */
export async function storedValueByArea(currency: string): Promise<AreaRow[]> {
  return db.$queryRaw<AreaRow[]>(Prisma.sql`
    SELECT "benefitArea"::text AS area, stage, sum("ebitdaBase")::text AS base
    FROM "UseCaseTally" WHERE status = 'ACTIVE' AND currency = ${currency}
    GROUP BY 1, 2 HAVING sum(count) > 0`);
}

/** Decided reviews per gate, decision and stop reason. */
export async function storedDecidedReviews(): Promise<DecidedRow[]> {
  const rows = await db.$queryRaw<(DecidedRow & { rows: number })[]>(Prisma.sql`
    SELECT "fromStage" AS from, decision::text AS decision, "stopReason" AS reason, sum(count)::int AS n,
      (SELECT count(*)::int FROM "GateReviewTally") AS rows
    FROM "GateReviewTally" WHERE status = 'DECIDED' GROUP BY 1, 2, 3`);
  foldWhenLong("GateReviewTally", rows[0]?.rows ?? 0);
  return occupied(rows);
}

/** The buckets that hold something (a bucket emptied by moves sums to 0), without the table's row count. */
function occupied<T extends { n: number; rows: number }>(rows: T[]): Omit<T, "rows">[] {
  return rows.filter((row) => row.n > 0).map(({ rows: _rows, ...row }) => row);
}

const FOLDS = {
  UseCaseTally: Prisma.sql`
    WITH gone AS (DELETE FROM "UseCaseTally" RETURNING *)
    INSERT INTO "UseCaseTally" (stage, status, currency, "benefitArea", count, "ebitdaLow", "ebitdaBase", "ebitdaHigh", "withBase")
    SELECT stage, status, currency, "benefitArea", sum(count), sum("ebitdaLow"), sum("ebitdaBase"), sum("ebitdaHigh"), sum("withBase")
    FROM gone GROUP BY 1, 2, 3, 4
    HAVING sum(count) <> 0 OR sum("ebitdaLow") <> 0 OR sum("ebitdaBase") <> 0 OR sum("ebitdaHigh") <> 0 OR sum("withBase") <> 0`,
  GateReviewTally: Prisma.sql`
    WITH gone AS (DELETE FROM "GateReviewTally" RETURNING *)
    INSERT INTO "GateReviewTally" ("fromStage", status, decision, "stopReason", count)
    SELECT "fromStage", status, decision, "stopReason", sum(count) FROM gone
    GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0`,
};
type Tally = keyof typeof FOLDS;

/**
 * Folds a tally's rows into one per bucket, in one statement. Writers only ever add rows, so
 * nothing waits: rows a transaction adds while this runs are not seen and stay, and two folds at
 * once each fold what they saw (the second skips the rows the first removed).
 */
export async function foldTally(tally: Tally): Promise<void> {
  await db.$executeRaw(FOLDS[tally]);
}

const folding = new Set<Tally>();
function foldWhenLong(tally: Tally, rows: number): void {
  if (rows <= FOLD_AFTER || folding.has(tally)) return;
  folding.add(tally);
  foldTally(tally)
    .catch((error) => console.error(`folding ${tally} failed`, error))
    .finally(() => folding.delete(tally));
}
