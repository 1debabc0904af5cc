import "server-only";
import type { Role } from "@/lib/lifecycle";
import { checkPasswordStrength } from "@/lib/password-strength";
import { PasswordChangeSchema, ProfileUpdateSchema, SignOutEverywhereSchema } from "@/lib/validation/profile";
import { changedFields, recordEvent } from "../audit/record-event";
import { tellOwnerOfLock } from "../auth/account-lock";
import { beginLoginAttempt, finishLoginAttempt } from "../auth/login-throttle";
import { revokeAllTokensOf } from "../auth/my-api-tokens";
import { hashPassword, verifyPassword } from "../auth/password";
import { db } from "../db";
import { DomainError, notFound } from "../errors";
import { parseInput } from "../http/parse-input";

export type ProfileDto = {
  email: string;
  name: string;
  role: Role;
  /** Set by an admin (Admin → Users); shown, not edited, here. */
  team: string | null;
  emailNotifications: boolean;
  /** The language of dates and amounts; null follows the browser. */
  locale: string | null;
  /** False for users who sign in through SSO only: no password to change. */
  hasPassword: boolean;
};

type Self = { id: string };

async function readProfile(userId: string): Promise<ProfileDto> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      team: true,
      emailNotifications: true,
      locale: true,
      passwordHash: true,
    },
  });
  if (!row) throw notFound("User");
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}

/** The signed-in user's own profile (any signed-in user, for themselves only). */
export function getProfile(actor: Self): Promise<ProfileDto> {
  return readProfile(actor.id);
}

/** Edit one's own name, email-notification preference and language. Audited as `user.profile`. */
export async function updateProfile(actor: Self, input: unknown): Promise<ProfileDto> {
  const parsed = parseInput(ProfileUpdateSchema, input);
  const before = await readProfile(actor.id);
  const data = { ...parsed, locale: parsed.locale === undefined ? before.locale : parsed.locale };
  const fields = (p: { name: string; emailNotifications: boolean; locale: string | null }) => ({
    name: p.name,
    emailNotifications: p.emailNotifications,
    locale: p.locale,
  });
  const change = changedFields(fields(before), fields(data));
  if (Object.keys(change.after as object).length === 0) return before;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "user.profile",
      entity: "User",
      entityId: actor.id,
      ...change,
      useCaseId: null,
    });
  });
  return readProfile(actor.id);
}

/**
 * Change one's own password: the current one must verify (Argon2id), the new one must pass
 * lib/password-strength.ts. Bumping `sessionVersion` ends every session of the user, this
 * one included (its cookie carries the old version): the profile form signs in again with the
 * new password at once. The audit event records that it changed, never the password.
 */
// Wrong current passwords count like failed sign-ins (same table, limits and window), under this
// origin instead of an address: a stolen session cannot guess the password at full speed, and
// they count towards the account's lock too. The attempt is recorded before the check.
const PASSWORD_CHANGE_ORIGIN = "(profile: password change)";

export async function changePassword(
  actor: Self,
  input: unknown,
): Promise<{ sessionVersion: number; revokedTokens: number }> {
  const data = parseInput(PasswordChangeSchema, input);
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) throw notFound("User");
  if (user.passwordHash === null)
    throw new DomainError("VALIDATION", "You sign in through single sign-on: there is no password to change here.", {
      errors: [{ path: "currentPassword", message: "You sign in through single sign-on: there is no password here." }],
    });
  const attempt = await beginLoginAttempt(user.email, PASSWORD_CHANGE_ORIGIN);
  if (!attempt.ok)
    throw new DomainError(
      "RATE_LIMITED",
      `Too many wrong passwords. Try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds: attempt.retryAfterSeconds },
    );
  const verified = await verifyPassword(user.passwordHash, data.currentPassword);
  const { accountLockedUntil } = await finishLoginAttempt(attempt.attemptId, verified);
  if (accountLockedUntil) await tellOwnerOfLock(user.email, accountLockedUntil, PASSWORD_CHANGE_ORIGIN);
  if (!verified)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: "currentPassword", message: "This is not your current password." }],
    });
  const { problem } = checkPasswordStrength(data.newPassword, user);
  const sameAsBefore = !problem && (await verifyPassword(user.passwordHash, data.newPassword));
  if (problem || sameAsBefore)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: "newPassword", message: problem ?? "Choose a password different from your current one." }],
    });
  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    const row = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "user.password",
      entity: "User",
      entityId: actor.id,
      before: { sessionVersion: user.sessionVersion },
      after: { passwordChanged: true, sessionVersion: row.sessionVersion },
      useCaseId: null,
    });
    const revokedTokens = data.revokeTokens ? await revokeAllTokensOf(tx, actor.id, actor.id, "password change") : 0;
    return { sessionVersion: row.sessionVersion, revokedTokens };
  });
}

/**
 * Sign out everywhere: bumping `sessionVersion` ends every session of the user (this one too);
 * with `revokeTokens`, every API token of the user is revoked in the same transaction.
 */
export async function signOutEverywhere(actor: Self, input: unknown): Promise<{ revokedTokens: number }> {
  const { revokeTokens } = parseInput(SignOutEverywhereSchema, input);
  return db.$transaction(async (tx) => {
    const row = await tx.user.update({
      where: { id: actor.id },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "user.sign-out-everywhere",
      entity: "User",
      entityId: actor.id,
      after: { sessionVersion: row.sessionVersion, revokeTokens },
      useCaseId: null,
    });
    const revokedTokens = revokeTokens ? await revokeAllTokensOf(tx, actor.id, actor.id, "sign out everywhere") : 0;
    return { revokedTokens };
  });
}
