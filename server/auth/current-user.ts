import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { ApiTokenScope } from "@/generated/prisma/client";
import type { Role } from "@/lib/lifecycle";
import { noteDatabaseDown } from "../database-outage";
import { db } from "../db";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "../db-errors";
import { authOptions } from "./options";

/**
 * How the acting user proved who they are: a browser session (with the time of the sign-in
 * that made it; null for a session from before that was recorded) or an API token.
 */
export type Credential =
  | { kind: "session"; authenticatedAt: Date | null }
  | { kind: "token"; tokenId: string; scope: ApiTokenScope };

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  credential?: Credential;
  /** The language chosen in the profile for dates and amounts; none follows the browser. */
  locale?: string | null;
};

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
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true, locale: true },
  });
  if (!user?.active) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

/** The signed-in user of this request (deduplicated per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; sessionVersion?: number; authTime?: number } | undefined;
  // A session cookie always carries its version; one without is from before versions existed.
  const active = await resolveActiveUser(user?.id, user?.sessionVersion ?? 0);
  if (!active) return null;
  const authenticatedAt = typeof user?.authTime === "number" ? new Date(user.authTime * 1000) : null;
  return { ...active, credential: { kind: "session", authenticatedAt } };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser().catch((error) => {
    // Pages then show "database unavailable" (app/(app)/error.tsx recognises the digest).
    if (!isDatabaseUnavailable(error)) throw error;
    noteDatabaseDown(); // the next page requests answer 503 (proxy.ts)
    throw new DatabaseUnavailableError(error);
  });
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  return user;
}
