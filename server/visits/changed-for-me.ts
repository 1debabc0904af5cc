import "server-only";
import { formatKey } from "../../lib/lifecycle";
import type { Actor } from "../../lib/permissions";
import { db } from "../db";

export type ChangedUseCase = { key: string; title: string; changes: number; lastChangeAt: string };

/** How far back a use case the user never opened counts as changed. */
const UNSEEN_WINDOW_DAYS = 14;

/**
 * The use cases the user owns or sponsors that other people changed since the user last opened
 * them (or, never opened, in the last two weeks), the most recently changed first.
 */
export async function changedSinceLastLooked(actor: Actor, limit = 8): Promise<ChangedUseCase[]> {
  const rows = await db.$queryRaw<{ number: number; title: string; changes: bigint; last: Date }[]>`
    SELECT u.number, u.title, count(e.id) AS changes, max(e.at) AS last
    FROM "UseCase" u
    LEFT JOIN "UseCaseVisit" v ON v."useCaseId" = u.id AND v."userId" = ${actor.id}
    JOIN "AuditEvent" e ON e."useCaseId" = u.id
      AND e.at > COALESCE(v."seenAt", now() - make_interval(days => ${UNSEEN_WINDOW_DAYS}))
      AND e."actorId" IS DISTINCT FROM ${actor.id}
    WHERE u."ownerId" = ${actor.id} OR u."sponsorId" = ${actor.id}
    GROUP BY u.id
    ORDER BY last DESC, u.number DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({
    key: formatKey(row.number),
    title: row.title,
    changes: Number(row.changes),
    lastChangeAt: row.last.toISOString(),
  }));
}
