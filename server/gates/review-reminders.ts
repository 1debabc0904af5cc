import "server-only";
import { decidersFor, formatKey, gateOutOf, ROLE_LABELS } from "@/lib/lifecycle";
import { dueStatus } from "@/lib/working-days";
import { recordEvent } from "../audit/record-event";
import { startRounds } from "../background-rounds";
import { db, dbPool } from "../db";
import { notify, usersWithRoles } from "../notifications/notify";
import { sendConditionReminders } from "./condition-reminders";
import { getHolidays } from "./review-calendar";

/** The advisory lock that lets one process at a time run a reminder round (any number of replicas). */
const ROUND_LOCK = 0x5242524d; // "RBRM"
const MAX_REVIEWS_PER_ROUND = 200;

export type ReminderRoundOptions = {
  /** The round's clock (tests pass a fake one). */
  now?: Date;
  /** Narrow the round to these reviews (tests). */
  only?: string[];
};

export type ReminderRoundResult = { reminded: number; escalated: number };

/**
 * One round over the open reviews whose reminder time has come:
 * - each decider who has not voted (an active user holding a role that has not voted, other than
 *   the requester) is reminded once at half the deadline ("HALF") and once at the deadline
 *   ("DUE"); a decider who is reminded only after the deadline gets the DUE reminder alone;
 * - at twice the deadline the review escalates: each active admin gets one notification, and
 *   the escalation is audited (`gate.escalate`).
 * Exactly once: a reminder is a row unique per review, user and step, inserted with ON CONFLICT
 * DO NOTHING in the transaction that writes its notification; an escalation is the guarded
 * update of `escalatedAt`. Two rounds at once (replicas) therefore never send twice. Email
 * follows from the notifications (the email rounds batch them, for users who want email).
 */
export async function sendReviewReminders({
  now = new Date(),
  only,
}: ReminderRoundOptions = {}): Promise<ReminderRoundResult> {
  const reviews = await db.gateReview.findMany({
    where: {
      status: "OPEN",
      OR: [{ remindAt: { lte: now } }, { escalateAt: { lte: now }, escalatedAt: null }],
      ...(only ? { id: { in: only } } : {}),
    },
    include: {
      useCase: { select: { number: true, title: true, riskTier: true } },
      votes: { select: { role: true } },
    },
    orderBy: { requestedAt: "asc" },
    take: MAX_REVIEWS_PER_ROUND,
  });
  const holidays = reviews.length ? await getHolidays() : [];
  const result: ReminderRoundResult = { reminded: 0, escalated: 0 };
  for (const review of reviews) {
    const gate = gateOutOf(review.fromStage);
    if (!gate || !review.dueAt) continue;
    const voted = new Set(review.votes.map((vote) => vote.role));
    const awaiting = decidersFor(gate, review.useCase.riskTier).filter((role) => !voted.has(role));
    const key = formatKey(review.useCase.number);
    const where = `${key} “${review.useCase.title}” at ${gate.id}`;
    const due = dueStatus(review.dueAt, now, holidays);

    if (review.remindAt && review.remindAt <= now && awaiting.length > 0) {
      const step = review.dueAt <= now ? ("DUE" as const) : ("HALF" as const);
      result.reminded += await db.$transaction(async (tx) => {
        const deciders = (await usersWithRoles(tx, awaiting)).filter((id) => id !== review.requestedById);
        // Told at the deadline already: no late half-way reminder.
        const later =
          step === "HALF"
            ? await tx.reviewReminder.findMany({
                where: { reviewId: review.id, step: "DUE" },
                select: { userId: true },
              })
            : [];
        const skip = new Set(later.map((row) => row.userId));
        const data = deciders.filter((id) => !skip.has(id)).map((userId) => ({ reviewId: review.id, userId, step }));
        if (data.length === 0) return 0;
        const sent = await tx.reviewReminder.createManyAndReturn({
          data,
          skipDuplicates: true,
          select: { userId: true },
        });
        await notify(
          tx,
          sent.map((row) => row.userId),
          {
            kind: "REVIEW_REMINDER",
            title:
              step === "HALF"
                ? `Reminder: ${where} waits for your decision; the review is ${due.label}.`
                : `Reminder: ${where} has reached its deadline without your decision (${due.label}).`,
            href: "/reviews",
          },
        );
        return sent.length;
      });
    }

    if (review.escalateAt && review.escalateAt <= now && !review.escalatedAt) {
      result.escalated += await db.$transaction(async (tx) => {
        const { count } = await tx.gateReview.updateMany({
          where: { id: review.id, status: "OPEN", escalatedAt: null },
          data: { escalatedAt: now },
        });
        if (count === 0) return 0;
        await notify(tx, await usersWithRoles(tx, ["ADMIN"]), {
          kind: "REVIEW_ESCALATED",
          title: `Escalated: ${where} is ${due.label}, still waiting for ${awaiting.map((role) => ROLE_LABELS[role]).join(" and ") || "its decision"}.`,
          href: `/use-cases/${key}#gates`,
        });
        await recordEvent(tx, {
          actorId: null,
          action: "gate.escalate",
          entity: "GateReview",
          entityId: review.id,
          after: { useCase: key, gate: gate.id, dueAt: review.dueAt?.toISOString() ?? null, awaiting: [...awaiting] },
        });
        return 1;
      });
    }
  }
  return result;
}

/**
 * A round (the reviews' reminders, then the conditions') in at most one process at a time across the replicas sharing the database: it runs
 * while its process holds a transaction-scoped PostgreSQL advisory lock on a connection of its
 * own; a process that finds the lock taken skips the round (null).
 */
export async function runExclusiveReminderRound(
  options: ReminderRoundOptions = {},
): Promise<ReminderRoundResult | null> {
  const connection = await dbPool.connect();
  try {
    await connection.query("BEGIN");
    const { rows } = await connection.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [
      ROUND_LOCK,
    ]);
    if (!rows[0]?.locked) return null;
    const reviews = await sendReviewReminders(options);
    // The conditions' reminders share the round (and its lock); a test narrowed to some
    // reviews leaves every condition alone.
    if (!options.only) await sendConditionReminders({ now: options.now });
    return reviews;
  } finally {
    await connection.query("COMMIT").catch(() => undefined);
    connection.release();
  }
}

let started = false;

/** Start the reminder rounds (every minute) in this server process (instrumentation.ts). */
export function startReviewReminders(): void {
  if (started) return;
  started = true;
  startRounds("review reminder", () => runExclusiveReminderRound({ now: new Date() }), {
    everyMs: 60_000,
    firstAfterMs: 25_000,
  });
}
