import "server-only";
import { formatKey } from "../../lib/lifecycle";
import type { Actor } from "../../lib/permissions";
import { isStorableText } from "../../lib/validation/storable-text";
import { db } from "../db";
import { todayUtc } from "../gates/gate-dto";

export type NotificationDto = {
  id: string;
  kind: string;
  title: string;
  href: string;
  createdAt: string;
  read: boolean;
};

/**
 * Tell the actor about their conditions that fell due, once each. Run when they look at
 * their notifications, so no scheduler is needed; the update guard makes it idempotent
 * across concurrent requests.
 */
async function notifyDueConditions(actor: Actor): Promise<void> {
  const due = await db.gateCondition.findMany({
    where: {
      ownerId: actor.id,
      closedAt: null,
      dueNotifiedAt: null,
      dueOn: { lte: new Date(`${todayUtc()}T00:00:00Z`) },
      review: { decision: "CONDITIONAL_GO" },
    },
    include: { review: { select: { useCase: { select: { number: true, title: true } } } } },
    take: 100,
  });
  for (const condition of due) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.gateCondition.updateMany({
        where: { id: condition.id, dueNotifiedAt: null },
        data: { dueNotifiedAt: new Date() },
      });
      if (count === 0) return;
      const key = formatKey(condition.review.useCase.number);
      await tx.notification.create({
        data: {
          userId: actor.id,
          kind: "CONDITION_DUE",
          title: `A condition on ${key} “${condition.review.useCase.title}” is due: ${condition.text}`,
          href: `/use-cases/${key}#gates`,
        },
      });
    });
  }
}

export async function unreadNotificationCount(actor: Actor): Promise<number> {
  await notifyDueConditions(actor);
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function listNotifications(actor: Actor): Promise<NotificationDto[]> {
  await notifyDueConditions(actor);
  const rows = await db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    href: row.href,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt != null,
  }));
}

/** Mark the actor's notifications read: the given ones, or all of them. Others' are never touched. */
export async function markNotificationsRead(actor: Actor, ids?: string[]): Promise<void> {
  // An id PostgreSQL could not compare names no notification: it is dropped, not sent.
  const findable = ids?.filter((id) => typeof id === "string" && isStorableText(id));
  await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(findable ? { id: { in: findable } } : {}) },
    data: { readAt: new Date() },
  });
}
