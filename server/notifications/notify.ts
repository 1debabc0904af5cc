import "server-only";
import type { Role } from "@/lib/lifecycle";
import type { Tx } from "../db";

export type NotificationKind =
  | "REVIEW_WAITING"
  | "REVIEW_DECIDED"
  | "CONDITION_DUE"
  | "USE_CASE_REOPENED"
  | "SERVICE_DOWN"
  | "MENTION"
  | "ACCOUNT_LOCKED"
  | "REVIEW_REMINDER"
  | "REVIEW_ESCALATED"
  | "CONDITION_REMINDER"
  | "REGISTRY_DRIFT";

/** Tell users something, in the caller's transaction (a notification never outlives a rolled-back change). */
export async function notify(
  tx: Tx,
  userIds: Iterable<string>,
  message: { kind: NotificationKind; title: string; href: string },
  exceptUserId?: string,
): Promise<void> {
  const ids = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  if (ids.length === 0) return;
  await tx.notification.createMany({ data: ids.map((userId) => ({ userId, ...message })) });
}

/** Active users holding any of these roles. */
export async function usersWithRoles(tx: Tx, roles: readonly Role[]): Promise<string[]> {
  const users = await tx.user.findMany({ where: { role: { in: [...roles] }, active: true }, select: { id: true } });
  return users.map((user) => user.id);
}
