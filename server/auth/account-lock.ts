import "server-only";
import { recordStandaloneEvent } from "../audit/standalone-event";
import { db } from "../db";
import { notify } from "../notifications/notify";

/**
 * An account was just locked by failed sign-ins from any address: the owner is told in the app
 * (and by the email digest, when they get emails), and the audit trail records it.
 */
export async function tellOwnerOfLock(email: string, until: Date, lastAddress: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true } });
  const minutes = Math.max(1, Math.round((until.getTime() - Date.now()) / 60_000));
  await recordStandaloneEvent({
    actorId: null,
    action: "auth.account-locked",
    entity: "User",
    entityId: user?.id ?? email,
    after: { email, until: until.toISOString(), lastAddress },
    useCaseId: null,
  });
  if (!user?.active) return;
  await db.$transaction((tx) =>
    notify(tx, [user.id], {
      kind: "ACCOUNT_LOCKED",
      title: `Sign-in to your account was locked for ${minutes} minutes after many wrong passwords. If that was not you, change your password.`,
      href: "/settings/profile",
    }),
  );
}
