import "server-only";
import { db } from "../db";

// Two limits on guessing passwords, both counted from the LoginAttempt table:
// - per account and address: more than LOGIN_MAX_FAILURES failures within the window lock that
//   pair until the oldest counted failure leaves the window;
// - per account, from any address: every ACCOUNT_MAX_FAILURES failures since the last success
//   (within a day) lock the account, 15 minutes the first time, doubling each time up to a day.
// An attempt is written before the password is checked and counted with the others, so
// guesses sent at the same moment cannot all pass the check; a refused attempt is removed
// (it checked no password) and counts for nothing.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 10;
export const ACCOUNT_MAX_FAILURES = 20;
const ACCOUNT_LOOKBACK_MS = 24 * 60 * 60 * 1000;
const ACCOUNT_LOCK_MAX_MS = 24 * 60 * 60 * 1000;
/** Attempts are kept this long, then pruned. */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;

export type AttemptStart =
  | { ok: true; attemptId: string }
  | { ok: false; retryAfterSeconds: number; scope: "address" | "account" };

/** Register an attempt before its password is checked; refused when a limit is reached. */
export async function beginLoginAttempt(email: string, ip: string, now = new Date()): Promise<AttemptStart> {
  const attempt = await db.loginAttempt.create({
    data: { email, ip, succeeded: false, at: now },
    select: { id: true },
  });
  const refusal =
    (await pairRetryAfter(email, ip, attempt.id, now)) ?? (await accountRetryAfter(email, attempt.id, now));
  if (!refusal) return { ok: true, attemptId: attempt.id };
  await db.loginAttempt.delete({ where: { id: attempt.id } });
  return { ok: false, ...refusal };
}

/**
 * The attempt's outcome. A failure that completes a run of ACCOUNT_MAX_FAILURES locks the
 * account: the lock's end is returned, for the caller to tell the owner.
 */
export async function finishLoginAttempt(
  attemptId: string,
  succeeded: boolean,
  now = new Date(),
): Promise<{ accountLockedUntil: Date | null }> {
  const attempt = await db.loginAttempt.update({
    where: { id: attemptId },
    data: { succeeded },
    select: { email: true },
  });
  await pruneOldAttempts(now);
  if (succeeded) return { accountLockedUntil: null };
  const failures = await accountFailures(attempt.email, null, now);
  if (failures.length === 0 || failures.length % ACCOUNT_MAX_FAILURES !== 0) return { accountLockedUntil: null };
  return { accountLockedUntil: new Date(now.getTime() + lockDuration(failures.length / ACCOUNT_MAX_FAILURES)) };
}

async function pairRetryAfter(email: string, ip: string, ownId: string, now: Date) {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, ip, succeeded: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const failures = await db.loginAttempt.findMany({
    // No upper bound on `at`: an attempt that started a moment later but is already recorded
    // must count too (of any 11 simultaneous attempts, the last recorded sees the other 10).
    where: { email, ip, succeeded: false, id: { not: ownId }, at: { gte: lastSuccess?.at ?? since } },
    orderBy: { at: "desc" },
    take: LOGIN_MAX_FAILURES,
    select: { at: true },
  });
  if (failures.length < LOGIN_MAX_FAILURES) return null;
  const oldestCounted = failures[failures.length - 1]?.at ?? now;
  return { retryAfterSeconds: secondsUntil(oldestCounted.getTime() + LOGIN_WINDOW_MS, now), scope: "address" as const };
}

async function accountRetryAfter(email: string, ownId: string, now: Date) {
  const failures = await accountFailures(email, ownId, now);
  const locks = Math.floor(failures.length / ACCOUNT_MAX_FAILURES);
  if (locks === 0) return null;
  const lockedAt = failures[locks * ACCOUNT_MAX_FAILURES - 1]?.at ?? now;
  const until = lockedAt.getTime() + lockDuration(locks);
  if (until <= now.getTime()) return null;
  return { retryAfterSeconds: secondsUntil(until, now), scope: "account" as const };
}

/** The account's failures since its last success (within a day), oldest first; pending attempts count. */
async function accountFailures(email: string, exceptId: string | null, now: Date) {
  const since = new Date(now.getTime() - ACCOUNT_LOOKBACK_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, succeeded: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return db.loginAttempt.findMany({
    where: {
      email,
      succeeded: false,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      at: { gt: lastSuccess?.at ?? since },
    },
    orderBy: { at: "asc" },
    select: { at: true },
  });
}

/** 15 minutes for the first lock, doubling with each further one, at most a day. */
function lockDuration(lock: number): number {
  return Math.min(ACCOUNT_LOCK_MAX_MS, LOGIN_WINDOW_MS * 2 ** (lock - 1));
}

function secondsUntil(at: number, now: Date): number {
  return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
}

// At most one prune per process an hour: attempts older than the retention go.
let lastPrune = 0;
async function pruneOldAttempts(now: Date): Promise<void> {
  if (now.getTime() - lastPrune < 60 * 60 * 1000) return;
  lastPrune = now.getTime();
  await db.loginAttempt.deleteMany({
    where: { at: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * 24 * 60 * 60 * 1000) } },
  });
}
