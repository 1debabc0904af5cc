import "server-only";
import type { Actor } from "@/lib/permissions";
import { db } from "../db";
import { notFound, requireFindableId } from "../errors";
import { type ApiTokenDto, apiTokenSelect, revokeTokenOf, toApiTokenDto } from "./my-api-tokens";
import { requirePermission } from "./require-permission";

/** Any user's tokens, newest first (revoked and expired ones too), for an admin. Never a secret or hash. */
export async function listUserApiTokens(
  actor: Actor,
  userId: string,
): Promise<{ user: { id: string; name: string; email: string }; items: ApiTokenDto[] }> {
  requirePermission(actor, "api-token:manage-any");
  requireFindableId(userId, "User");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
  if (!user) throw notFound("User");
  const rows = await db.apiToken.findMany({
    where: { userId },
    select: apiTokenSelect,
    orderBy: { createdAt: "desc" },
  });
  return { user, items: rows.map(toApiTokenDto) };
}

/** Revoke any user's token, as an admin (audited with the token's user); idempotent. */
export async function revokeUserApiToken(actor: Actor, userId: string, id: string): Promise<ApiTokenDto> {
  requirePermission(actor, "api-token:manage-any");
  requireFindableId(userId, "User");
  requireFindableId(id, "API token");
  return revokeTokenOf(actor, userId, id);
}
