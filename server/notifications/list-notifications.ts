import "server-only";
import type { Actor } from "@/lib/permissions";
import { isStorableText } from "@/lib/validation/storable-text";
import { db } from "../db";

export type NotificationDto = {
  id: string;
  kind: string;
  title: string;
  href: string;
  createdAt: string;
  read: boolean;
};

export async function unreadNotificationCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function listNotifications(actor: Actor): Promise<NotificationDto[]> {
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
