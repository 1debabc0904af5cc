import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { db, readRows } from "../db";
import { hashToken } from "./api-tokens";
import { type CurrentUser, getCurrentUser } from "./current-user";

/** The acting user of an API request: a Bearer token, else the browser session. */
export async function actorFromRequest(request: Request): Promise<CurrentUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) return null;
    // One query per request (this runs on every API call).
    const [token] = await readRows<CurrentUser & { tokenId: string; touch: boolean }>(Prisma.sql`
      SELECT t.id AS "tokenId", u.id, u.email, u.name, u.role::text AS role,
        (t."lastUsedAt" IS NULL OR t."lastUsedAt" < (now() AT TIME ZONE 'UTC') - interval '60 seconds') AS touch
      FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
      WHERE t."tokenHash" = ${hashToken(match[1])} AND t."revokedAt" IS NULL AND u.active`);
    if (!token) return null;
    const { tokenId, touch, ...user } = token;
    if (touch) await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } });
    return user;
  }
  return getCurrentUser();
}
