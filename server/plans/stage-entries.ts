import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { PASSING_DECISIONS, STAGES, type Stage } from "@/lib/lifecycle";
import { dayOf } from "@/lib/plan";
import { db, type Tx } from "../db";

/** The passing decisions as SQL enum values, for `decision IN (...)`. */
export const PASSING_SQL = Prisma.join(PASSING_DECISIONS.map((decision) => Prisma.sql`${decision}::"GateDecision"`));

/** The day `u` entered `stage` given `firstPass`, its first passing decision into it (SQL). */
function enteredGivenSql(stage: Stage, firstPass: Prisma.Sql): Prisma.Sql {
  if (stage === "POC") return Prisma.sql`u."createdAt"::date`;
  return Prisma.sql`coalesce((${firstPass})::date, CASE WHEN u.stage = ${stage}::"Stage" THEN u."stageEnteredAt"::date END)`;
}

/**
 * The day a use case (aliased `u`) entered `stage`, as SQL: the first passing gate decision into
 * it; for the stage it is in without one (imported at a later stage), the day it got there; for
 * POC, the day it was created. NULL when it never got there.
 */
export function enteredSql(stage: Stage): Prisma.Sql {
  return enteredGivenSql(
    stage,
    Prisma.sql`SELECT min(r."decidedAt") FROM "GateReview" r
      WHERE r."useCaseId" = u.id AND r."toStage" = ${stage}::"Stage" AND r.status = 'DECIDED' AND r.decision IN (${PASSING_SQL})`,
  );
}

const LATER_STAGES = STAGES.filter((stage) => stage !== "POC");

/**
 * Every use case's first passing decision into each stage after POC, as rows `("useCaseId",
 * "PROTOTYPE", "PACKAGING", "PRODUCTION")`: one grouped pass over the decided reviews, for figures
 * over many use cases, where `enteredSql`'s lookups (one per use case and stage) cost more.
 */
export const FIRST_PASSES_SQL = Prisma.sql`(
  SELECT r."useCaseId", ${Prisma.join(
    LATER_STAGES.map(
      (stage) =>
        Prisma.sql`min(r."decidedAt") FILTER (WHERE r."toStage" = ${stage}::"Stage") AS ${Prisma.raw(`"${stage}"`)}`,
    ),
  )}
  FROM "GateReview" r WHERE r.status = 'DECIDED' AND r.decision IN (${PASSING_SQL})
  GROUP BY r."useCaseId")`;

/** `enteredSql` for `u` joined (LEFT) to `FIRST_PASSES_SQL` as `e`: the same day. */
export function enteredFromFirstPassesSql(stage: Stage): Prisma.Sql {
  return enteredGivenSql(stage, Prisma.raw(`e."${stage}"`));
}

export type StageEntries = Record<Stage, string | null>;

/** The days one use case entered each stage (null: not yet). */
export async function stageEntries(useCaseId: string, client: Tx | typeof db = db): Promise<StageEntries> {
  const columns = Prisma.join(
    STAGES.map((stage) => Prisma.sql`${enteredSql(stage)} AS ${Prisma.raw(`"${stage}"`)}`),
    ", ",
  );
  const rows = await client.$queryRaw<Record<Stage, Date | null>[]>(
    Prisma.sql`SELECT ${columns} FROM "UseCase" u WHERE u.id = ${useCaseId}`,
  );
  const row = rows[0];
  return Object.fromEntries(STAGES.map((stage) => [stage, row?.[stage] ? dayOf(row[stage]) : null])) as StageEntries;
}
