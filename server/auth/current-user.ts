import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Role } from "../../lib/lifecycle";
import { db } from "../db";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "../db-errors";
import { authOptions } from "./options";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The active user with this id, read fresh from the database; null when unknown, deactivated,
 * or when the session predates the user's last sign-out (`sessionVersion`, carried by the session).
 */
export async function resolveActiveUser(
  userId: string | null | undefined,
  sessionVersion?: number,
): Promise<CurrentUser | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user?.active) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in user of this request (deduplicated per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; sessionVersion?: number } | undefined;
  // A session cookie always carries its version; one without is from before versions existed.
  return resolveActiveUser(user?.id, user?.sessionVersion ?? 0);
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser().catch((error) => {
    // Pages then show "database unavailable" (app/(app)/error.tsx recognises the digest).
    throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
  });
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  return user;
}
