import "server-only";
import { parseKey } from "@/lib/lifecycle";
import { db } from "../db";

/**
 * Records that the user opens the use case's page now, and answers when they last did before
 * (null the first time): the page shows the changes since then.
 */
export async function recordVisit(userId: string, useCaseKey: string): Promise<Date | null> {
  const number = parseKey(useCaseKey);
  if (number == null) return null;
  const now = new Date();
  // One statement: every part sees the table as it was before the upsert.
  const [previous] = await db.$queryRaw<{ seenAt: Date | null }[]>`
    WITH use_case AS (
      SELECT id FROM "UseCase" WHERE number = ${number}
    ), previous AS (
      SELECT v."seenAt" FROM "UseCaseVisit" v JOIN use_case ON v."useCaseId" = use_case.id
      WHERE v."userId" = ${userId}
    ), upsert AS (
      INSERT INTO "UseCaseVisit" ("userId", "useCaseId", "seenAt") SELECT ${userId}, id, ${now} FROM use_case
      ON CONFLICT ("userId", "useCaseId") DO UPDATE SET "seenAt" = EXCLUDED."seenAt"
    )
    SELECT (SELECT "seenAt" FROM previous) AS "seenAt"`;
  return previous?.seenAt ?? null;
}

/** When the user last opened the use case's page, without recording a visit (the API's default `since`). */
export async function lastVisit(userId: string, useCaseId: string): Promise<Date | null> {
  const row = await db.useCaseVisit.findUnique({
    where: { userId_useCaseId: { userId, useCaseId } },
    select: { seenAt: true },
  });
  return row?.seenAt ?? null;
}
