import "server-only";
import { db } from "../db";
import { hashToken } from "./api-tokens";
import { type CurrentUser, getCurrentUser } from "./current-user";

/** The acting user of an API request: a Bearer token, else the browser session. */
export async function actorFromRequest(request: Request): Promise<CurrentUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) return null;
    const token = await db.apiToken.findUnique({
      where: { tokenHash: hashToken(match[1]) },
      select: {
        id: true,
        revokedAt: true,
        lastUsedAt: true,
        user: { select: { id: true, email: true, name: true, role: true, active: true } },
      },
    });
    if (!token || token.revokedAt || !token.user.active) return null;
    const { active: _active, ...user } = token.user;
    if (user && (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000)) {
      await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    }
    return user;
  }
  return getCurrentUser();
}
