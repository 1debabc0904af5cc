import "server-only";
import { db } from "../db";

// More than LOGIN_MAX_FAILURES failed sign-ins for one account from one address within
// the window locks that pair until the oldest counted failure leaves the window.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 10;

/** Seconds until (email, ip) may try again, or null when it may try now. */
export async function loginRetryAfterSeconds(email: string, ip: string, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, ip, succeeded: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const failures = await db.loginAttempt.findMany({
    where: { email, ip, succeeded: false, at: { gte: lastSuccess?.at ?? since } },
    orderBy: { at: "desc" },
    take: LOGIN_MAX_FAILURES,
    select: { at: true },
  });
  if (failures.length < LOGIN_MAX_FAILURES) return null;
  const oldestCounted = failures[failures.length - 1]?.at ?? now;
  const retryAt = oldestCounted.getTime() + LOGIN_WINDOW_MS;
  return Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, succeeded } });
}

/**
 * The client address. The Next.js server appends the socket's peer to X-Forwarded-For, so
 * the last entry is the one a client cannot forge; behind N trusted reverse proxies
 * (ROADBOOK_TRUSTED_PROXY_HOPS=N) the entry N places before it is the client.
 */
export function clientIp(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const trusted = Math.max(0, Number(process.env.ROADBOOK_TRUSTED_PROXY_HOPS) || 0);
  return hops[hops.length - 1 - trusted] ?? hops[0] ?? "unknown";
}
