import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeDecidableUseCase, makeUser } from "@/prisma/seed/factories";
import { db, dbPool } from "../db";
import { decideGate } from "./decide-gate";
import { requestGateReview } from "./request-gate-review";
import { runExclusiveReminderRound, sendReviewReminders } from "./review-reminders";

const MINUTE = 60_000;
const shifted = (at: Date | null, ms = MINUTE) => new Date((at as Date).getTime() + ms);

/** A use case in POC with its G1 review requested (deadlines from the real clock). */
async function openReview() {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const first = await makeUser(db, { role: "BUSINESS" });
  const second = await makeUser(db, { role: "BUSINESS" });
  const absent = await makeUser(db, { role: "BUSINESS", active: false });
  const admin = await makeUser(db, { role: "ADMIN" });
  const row = await makeDecidableUseCase(db, { ownerId: owner.id });
  const key = formatKey(row.number);
  const dto = await requestGateReview(owner, key, {});
  const review = await db.gateReview.findUniqueOrThrow({ where: { id: dto.id } });
  return { owner, first, second, absent, admin, key, review };
}

const notes = (userId: string, kind: string, key: string) =>
  db.notification.findMany({ where: { userId, kind, title: { contains: `${key} ` } }, orderBy: { createdAt: "asc" } });

describe("review deadlines and reminders against PostgreSQL", () => {
  it("stores the reminder, deadline (G1: 5 working days) and escalation instants on request", async () => {
    const { review } = await openReview();
    expect(review.dueAt).not.toBeNull();
    const days = Math.round(((review.dueAt as Date).getTime() - review.requestedAt.getTime()) / 86_400_000);
    // Five working days span 5 to 9 calendar days depending on weekends (no holidays set here).
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThanOrEqual(9);
    expect((review.remindAt as Date) < (review.dueAt as Date)).toBe(true);
    expect((review.dueAt as Date) < (review.escalateAt as Date)).toBe(true);
  });

  it("reminds each waiting decider exactly once per step, even with two rounds at once, then escalates once", async () => {
    const { first, second, absent, admin, key, review } = await openReview();
    const only = [review.id];

    expect(await sendReviewReminders({ now: shifted(review.remindAt, -MINUTE), only })).toEqual({
      reminded: 0,
      escalated: 0,
    });
    expect(await notes(first.id, "REVIEW_REMINDER", key)).toHaveLength(0);

    // Half the deadline: two replicas' rounds at the same instant (the lock lets one run), and
    // two rounds without the lock at all (the unique reminder row still sends once).
    const half = shifted(review.remindAt);
    await Promise.all([runExclusiveReminderRound({ now: half, only }), runExclusiveReminderRound({ now: half, only })]);
    await Promise.all([sendReviewReminders({ now: half, only }), sendReviewReminders({ now: half, only })]);
    for (const user of [first, second]) {
      const got = await notes(user.id, "REVIEW_REMINDER", key);
      expect(got).toHaveLength(1);
      expect(got[0]?.title).toMatch(/waits for your decision/);
    }
    expect(await notes(absent.id, "REVIEW_REMINDER", key)).toHaveLength(0);

    // The deadline: the second reminder, once.
    const due = shifted(review.dueAt);
    await Promise.all([sendReviewReminders({ now: due, only }), sendReviewReminders({ now: due, only })]);
    await runExclusiveReminderRound({ now: due, only });
    expect((await notes(first.id, "REVIEW_REMINDER", key)).map((n) => n.title)).toEqual([
      expect.stringMatching(/waits for your decision/),
      expect.stringMatching(/reached its deadline/),
    ]);
    expect(await db.reviewReminder.count({ where: { reviewId: review.id, userId: second.id } })).toBe(2);
    expect(await notes(admin.id, "REVIEW_ESCALATED", key)).toHaveLength(0);

    // Twice the deadline: one escalation to each admin, one audit event.
    const late = shifted(review.escalateAt);
    const results = await Promise.all([
      sendReviewReminders({ now: late, only }),
      sendReviewReminders({ now: late, only }),
    ]);
    expect(results.reduce((sum, r) => sum + r.escalated, 0)).toBe(1);
    const escalated = await notes(admin.id, "REVIEW_ESCALATED", key);
    expect(escalated).toHaveLength(1);
    expect(escalated[0]?.title).toMatch(/overdue by \d+ working days?, still waiting for Business/);
    expect(await db.auditEvent.count({ where: { action: "gate.escalate", entityId: review.id } })).toBe(1);
    expect(await sendReviewReminders({ now: shifted(late, 86_400_000), only })).toEqual({ reminded: 0, escalated: 0 });
    expect(await notes(first.id, "REVIEW_REMINDER", key)).toHaveLength(2);
  });

  it("sends only the deadline reminder when the first round comes after the deadline, and nothing once decided", async () => {
    const { first, owner, key, review } = await openReview();
    const only = [review.id];
    await sendReviewReminders({ now: shifted(review.dueAt), only });
    expect(
      (await db.reviewReminder.findMany({ where: { reviewId: review.id, userId: first.id } })).map((r) => r.step),
    ).toEqual(["DUE"]);
    expect(await notes(owner.id, "REVIEW_REMINDER", key)).toHaveLength(0);

    await decideGate(first, review.id, { decision: "GO", rationale: "Evidence holds." });
    expect(await sendReviewReminders({ now: shifted(review.escalateAt), only })).toEqual({ reminded: 0, escalated: 0 });
  });

  it("skips the round while another replica holds the round's lock", async () => {
    const other = await dbPool.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock($1)", [0x5242524d]);
      expect(await runExclusiveReminderRound({ only: [] })).toBeNull();
    } finally {
      await other.query("COMMIT");
      other.release();
    }
    expect(await runExclusiveReminderRound({ only: [] })).toEqual({ reminded: 0, escalated: 0 });
  });
});
