import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { ApiTokenCreateSchema } from "@/lib/validation/api-token";
import { recordEvent } from "../audit/record-event";
import { db } from "../db";
import { DomainError, forbidden, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import type { ApiTokenResponse } from "../openapi/schemas/tokens";
import { expiryIn, generateToken, scopeName, scopeToDb } from "./api-tokens";
import type { Credential } from "./current-user";
import { requirePermission } from "./require-permission";

export type ApiTokenDto = z.infer<typeof ApiTokenResponse>;

const MAX_ACTIVE_TOKENS = 20;
/** Creating a token needs a browser sign-in at most this old. */
export const TOKEN_CREATION_MAX_AUTH_AGE_SECONDS = 15 * 60;

export const apiTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const satisfies Prisma.ApiTokenSelect;
type Row = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;

export const toApiTokenDto = (row: Row): ApiTokenDto => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scope: scopeName(row.scope),
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** The acting user's own tokens, newest first (revoked ones too, marked). Never the secret or its hash. */
export async function listMyApiTokens(actor: Actor): Promise<ApiTokenDto[]> {
  requirePermission(actor, "api-token:manage");
  const rows = await db.apiToken.findMany({
    where: { userId: actor.id },
    select: apiTokenSelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toApiTokenDto);
}

/**
 * Only a person at a browser they signed in on recently may mint a token: not another token
 * (a leaked token could otherwise outlive its own revocation by minting successors), not a
 * session cookie that has been lying around for hours.
 */
function requireRecentSignIn(credential: Credential | undefined, now = Date.now()): void {
  if (credential?.kind === "token")
    throw forbidden("An API token cannot create tokens: create one on the API tokens page, signed in in a browser.");
  const at = credential?.kind === "session" ? credential.authenticatedAt : null;
  if (!at || now - at.getTime() > TOKEN_CREATION_MAX_AUTH_AGE_SECONDS * 1000)
    throw forbidden(
      `Creating a token needs a sign-in within the last ${TOKEN_CREATION_MAX_AUTH_AGE_SECONDS / 60} minutes: sign out, sign in again and retry.`,
    );
}

/**
 * A new token for the acting user, acting with their role within its scope, expiring after
 * `expiresInDays` (default 90, at most 365): the secret is returned this once.
 */
export async function createMyApiToken(
  actor: Actor & { credential?: Credential },
  input: unknown,
): Promise<ApiTokenDto & { token: string }> {
  requirePermission(actor, "api-token:manage");
  requireRecentSignIn(actor.credential);
  const { name, scope, expiresInDays } = parseInput(ApiTokenCreateSchema, input);
  const { token, hash, prefix } = generateToken();
  const expiresAt = expiryIn(expiresInDays);
  return db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({
      where: { userId: actor.id, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    if (active >= MAX_ACTIVE_TOKENS)
      throw new DomainError("CONFLICT", `You have ${active} active tokens; revoke one you no longer use first.`);
    const row = await tx.apiToken.create({
      data: { userId: actor.id, name, tokenHash: hash, prefix, scope: scopeToDb(scope), expiresAt },
      select: apiTokenSelect,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "api-token.create",
      entity: "ApiToken",
      entityId: row.id,
      after: { name, prefix, scope, expiresAt: expiresAt.toISOString() },
      useCaseId: null,
    });
    return { ...toApiTokenDto(row), token };
  });
}

/** Revoke one of the acting user's tokens (at once: the next request with it gets 401). */
export async function revokeMyApiToken(actor: Actor, id: string): Promise<ApiTokenDto> {
  requirePermission(actor, "api-token:manage");
  requireFindableId(id, "API token");
  return revokeTokenOf(actor, actor.id, id);
}

/** Revoke token `id` of user `userId`, as `actor` (authorized by the caller); idempotent. */
export async function revokeTokenOf(actor: Actor, userId: string, id: string): Promise<ApiTokenDto> {
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findFirst({ where: { id, userId }, select: apiTokenSelect });
    if (!existing) throw notFound("API token");
    if (existing.revokedAt) return toApiTokenDto(existing);
    const row = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select: apiTokenSelect });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "api-token.revoke",
      entity: "ApiToken",
      entityId: id,
      before: { name: existing.name, prefix: existing.prefix, ...(userId === actor.id ? {} : { userId }) },
      useCaseId: null,
    });
    return toApiTokenDto(row);
  });
}

/**
 * Revoke every live token of `userId` inside the caller's transaction (password change, sign
 * out everywhere): one audit event naming how many. Returns that number.
 */
export async function revokeAllTokensOf(
  tx: Prisma.TransactionClient,
  actorId: string,
  userId: string,
  reason: string,
): Promise<number> {
  const now = new Date();
  const { count } = await tx.apiToken.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  if (count > 0)
    await recordEvent(tx, {
      actorId,
      action: "api-token.revoke-all",
      entity: "User",
      entityId: userId,
      after: { revoked: count, reason },
      useCaseId: null,
    });
  return count;
}
