import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, readRows } from "../db";
import { hashToken } from "./api-tokens";
import { type CurrentUser, getCurrentUser } from "./current-user";

/**
 * The acting user of an API request: a Bearer token, else the browser session. A revoked or
 * expired token, or one of a deactivated user, is no credential (401). The actor carries how it
 * authenticated (`credential`): the token's id and scope, or the session's sign-in time.
 */
export async function actorFromRequest(request: Request): Promise<CurrentUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const secret = bearerToken(authorization);
    if (!secret) return null;
    // One query per request (this runs on every API call).
    const [token] = await readRows<
      Omit<CurrentUser, "credential"> & { tokenId: string; scope: string; touch: boolean }
    >(
      Prisma.sql`
      SELECT t.id AS "tokenId", t.scope::text AS scope, u.id, u.email, u.name, u.role::text AS role,
        (t."lastUsedAt" IS NULL OR t."lastUsedAt" < (now() AT TIME ZONE 'UTC') - interval '60 seconds') AS touch
      FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
      WHERE t."tokenHash" = ${hashToken(secret)} AND t."revokedAt" IS NULL
        AND t."expiresAt" > (now() AT TIME ZONE 'UTC') AND u.active`,
    );
    if (!token) return null;
    const { tokenId, scope, touch, ...user } = token;
    if (touch) await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } });
    return {
      ...user,
      credential: {
        kind: "token",
        tokenId,
        scope: scope === "READ_ONLY" || scope === "DEPLOY_CHECK" ? scope : "READ_WRITE",
      },
    };
  }
  return getCurrentUser();
}

/** The secret of an `Authorization: Bearer <token>` header (scheme in any case, any spaces), or null. */
export function bearerToken(authorization: string): string | null {
  return /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? null;
}
