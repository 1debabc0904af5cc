import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { db } from "../db";

export type ChangedUseCase = { key: string; title: string; changes: number; lastChangeAt: string };

/** How far back a use case the user never opened counts as changed. */
const UNSEEN_WINDOW_DAYS = 14;

/**
 * The use cases the user owns, sponsors or has decided on (a vote at one of its gates, their
 * own or cast for them by a delegate) that other people changed since the user last opened
 * them (or, never opened, in the last two weeks), the most recently changed first. Each kind
 * of tie is read through its own index, then united: no scan of the portfolio.
 */
export async function changedSinceLastLooked(actor: Actor, limit = 8): Promise<ChangedUseCase[]> {
  const rows = await db.$queryRaw<{ number: number; title: string; changes: bigint; last: Date }[]>`
    WITH mine AS (
      SELECT id FROM "UseCase" WHERE "ownerId" = ${actor.id}
      UNION SELECT id FROM "UseCase" WHERE "sponsorId" = ${actor.id}
      UNION SELECT r."useCaseId" FROM "GateVote" gv JOIN "GateReview" r ON r.id = gv."reviewId"
        WHERE gv."voterId" = ${actor.id} OR gv."onBehalfOfId" = ${actor.id}
    )
    SELECT u.number, u.title, count(e.id) AS changes, max(e.at) AS last
    FROM mine JOIN "UseCase" u ON u.id = mine.id
    LEFT JOIN "UseCaseVisit" v ON v."useCaseId" = u.id AND v."userId" = ${actor.id}
    JOIN "AuditEvent" e ON e."useCaseId" = u.id
      AND e.at > COALESCE(v."seenAt", now() - make_interval(days => ${UNSEEN_WINDOW_DAYS}))
      AND e."actorId" IS DISTINCT FROM ${actor.id}
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
