import "server-only";
import { formatKey } from "@/lib/lifecycle";
import { db } from "../db";
import { notify } from "../notifications/notify";
import { enqueueWebhookEvent } from "../webhooks/enqueue";
import { todayUtc } from "./gate-dto";

const MAX_CONDITIONS_PER_ROUND = 200;

export type ConditionRoundOptions = {
  /** The round's clock (tests pass a fake one). */
  now?: Date;
  /** Narrow the round to these conditions (tests). */
  only?: string[];
};

export type ConditionRoundResult = { half: number; due: number };

/** Half-way between the decision that set the condition and its due date (00:00 UTC that day). */
export function halfWayTo(decidedAt: Date, dueOn: Date): Date {
  return new Date(decidedAt.getTime() + (dueOn.getTime() - decidedAt.getTime()) / 2);
}

/**
 * One round over the open conditions of passed gates: the owner of each is reminded once
 * half-way between the decision and the due date, and told once when it falls due (the
 * only place that raises it). Exactly once,
 * across replicas too: each step is the guarded update of its own column (`halfNotifiedAt`,
 * `dueNotifiedAt`) in the transaction that writes its notification. A condition that reaches
 * its due date before any half-way reminder gets the due one alone. Email follows from the
 * notifications, batched, for users who want email.
 */
export async function sendConditionReminders({
  now = new Date(),
  only,
}: ConditionRoundOptions = {}): Promise<ConditionRoundResult> {
  const today = new Date(`${todayUtc(now)}T00:00:00Z`);
  const conditions = await db.gateCondition.findMany({
    where: {
      closedAt: null,
      dueNotifiedAt: null,
      review: { decision: "CONDITIONAL_GO", decidedAt: { not: null } },
      ...(only ? { id: { in: only } } : {}),
    },
    include: {
      owner: { select: { name: true } },
      review: { select: { decidedAt: true, useCase: { select: { number: true, title: true } } } },
    },
    orderBy: { dueOn: "asc" },
    take: MAX_CONDITIONS_PER_ROUND,
  });
  const result: ConditionRoundResult = { half: 0, due: 0 };
  for (const condition of conditions) {
    const decidedAt = condition.review.decidedAt as Date;
    const key = formatKey(condition.review.useCase.number);
    const where = `${key} “${condition.review.useCase.title}”`;
    const dueDay = condition.dueOn.toISOString().slice(0, 10);
    const href = `/use-cases/${key}#gates`;
    if (condition.dueOn <= today) {
      result.due += await db.$transaction(async (tx) => {
        const { count } = await tx.gateCondition.updateMany({
          where: { id: condition.id, dueNotifiedAt: null },
          data: { dueNotifiedAt: now, halfNotifiedAt: condition.halfNotifiedAt ?? now },
        });
        if (count === 0) return 0;
        await notify(tx, [condition.ownerId], {
          kind: "CONDITION_DUE",
          title: `A condition on ${where} is due: ${condition.text}`,
          href,
        });
        await enqueueWebhookEvent(tx, "condition.due", {
          useCase: { key, title: condition.review.useCase.title },
          conditionId: condition.id,
          text: condition.text,
          dueOn: dueDay,
          owner: condition.owner.name,
        });
        return 1;
      });
    } else if (!condition.halfNotifiedAt && halfWayTo(decidedAt, condition.dueOn) <= now) {
      result.half += await db.$transaction(async (tx) => {
        const { count } = await tx.gateCondition.updateMany({
          where: { id: condition.id, halfNotifiedAt: null, dueNotifiedAt: null },
          data: { halfNotifiedAt: now },
        });
        if (count === 0) return 0;
        await notify(tx, [condition.ownerId], {
          kind: "CONDITION_REMINDER",
          title: `Reminder: a condition on ${where} is due on ${dueDay}: ${condition.text}`,
          href,
        });
        return 1;
      });
    }
  }
  return result;
}
