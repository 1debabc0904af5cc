import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeDecidableUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { halfWayTo, sendConditionReminders } from "./condition-reminders";
import { decideGate } from "./decide-gate";
import { requestGateReview } from "./request-gate-review";

const HOUR = 3_600_000;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A G1 passed with conditions owned by the use case's owner, due in `days`; their ids. */
async function conditionsDueIn(...days: number[]) {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const business = await makeUser(db, { role: "BUSINESS" });
  const row = await makeDecidableUseCase(db, { ownerId: owner.id });
  const key = formatKey(row.number);
  const review = await requestGateReview(owner, key, {});
  await decideGate(business, review.id, {
    decision: "CONDITIONAL_GO",
    rationale: "Go, with monitoring.",
    conditions: days.map((d, i) => ({ text: `Condition ${i + 1}`, ownerId: owner.id, dueOn: inDays(d) })),
  });
  const conditions = await db.gateCondition.findMany({
    where: { reviewId: review.id },
    include: { review: { select: { decidedAt: true } } },
    orderBy: { text: "asc" },
  });
  const notes = (kind: string) =>
    db.notification.findMany({ where: { userId: owner.id, kind, title: { contains: `${key} ` } } });
  return { owner, key, conditions, notes };
}

describe("condition reminders against PostgreSQL", () => {
  it("reminds the owner once half-way to the due date and once when it falls due, even with two rounds at once", async () => {
    const { conditions, notes } = await conditionsDueIn(10);
    const [condition] = conditions;
    if (!condition) throw new Error("no condition");
    const only = [condition.id];
    const half = halfWayTo(condition.review.decidedAt as Date, condition.dueOn);

    expect(await sendConditionReminders({ now: new Date(half.getTime() - HOUR), only })).toEqual({ half: 0, due: 0 });
    const rounds = await Promise.all([
      sendConditionReminders({ now: new Date(half.getTime() + HOUR), only }),
      sendConditionReminders({ now: new Date(half.getTime() + HOUR), only }),
    ]);
    expect(rounds.reduce((sum, r) => sum + r.half, 0)).toBe(1);
    const reminders = await notes("CONDITION_REMINDER");
    expect(reminders.map((n) => n.title)).toEqual([
      expect.stringMatching(new RegExp(`is due on ${condition.dueOn.toISOString().slice(0, 10)}: Condition 1$`)),
    ]);
    expect(await sendConditionReminders({ now: new Date(half.getTime() + 2 * HOUR), only })).toEqual({
      half: 0,
      due: 0,
    });

    const due = new Date(condition.dueOn.getTime() + HOUR);
    const dueRounds = await Promise.all([
      sendConditionReminders({ now: due, only }),
      sendConditionReminders({ now: due, only }),
    ]);
    expect(dueRounds.reduce((sum, r) => sum + r.due, 0)).toBe(1);
    expect(await notes("CONDITION_DUE")).toHaveLength(1);
    expect(await notes("CONDITION_REMINDER")).toHaveLength(1);
    expect(await sendConditionReminders({ now: new Date(due.getTime() + 48 * HOUR), only })).toEqual({
      half: 0,
      due: 0,
    });
  });

  it("tells a condition first seen after its due date only that it is due, and leaves a closed one alone", async () => {
    const { conditions, notes } = await conditionsDueIn(4, 6);
    const [late, closed] = conditions;
    if (!late || !closed) throw new Error("no conditions");
    await db.gateCondition.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    const after = new Date(closed.dueOn.getTime() + HOUR);
    expect(await sendConditionReminders({ now: after, only: [late.id, closed.id] })).toEqual({ half: 0, due: 1 });
    expect(await notes("CONDITION_REMINDER")).toHaveLength(0);
    expect((await notes("CONDITION_DUE")).map((n) => n.title)).toEqual([expect.stringMatching(/: Condition 1$/)]);
  });
});
