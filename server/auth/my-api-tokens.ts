import "server-only";
import { type Actor, can } from "../../lib/permissions";
import { ApiTokenCreateSchema } from "../../lib/validation/api-token";
import { recordEvent } from "../audit/record-event";
import { db } from "../db";
import { DomainError, forbidden, notFound, requireFindableId } from "../errors";
import { parseInput } from "../use-cases/validate-input";
import { generateToken } from "./api-tokens";

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const MAX_ACTIVE_TOKENS = 20;

type Row = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
const toDto = (row: Row): ApiTokenDto => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});
const select = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** The acting user's own tokens, newest first (revoked ones too, marked). Never the secret or its hash. */
export async function listMyApiTokens(actor: Actor): Promise<ApiTokenDto[]> {
  if (!can(actor, "api-token:manage")) throw forbidden();
  const rows = await db.apiToken.findMany({ where: { userId: actor.id }, select, orderBy: { createdAt: "desc" } });
  return rows.map(toDto);
}

/** A new token for the acting user, acting with their role: the secret is returned this once. */
export async function createMyApiToken(actor: Actor, input: unknown): Promise<ApiTokenDto & { token: string }> {
  if (!can(actor, "api-token:manage")) throw forbidden();
  const { name } = parseInput(ApiTokenCreateSchema, input);
  const { token, hash, prefix } = generateToken();
  return db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS)
      throw new DomainError("CONFLICT", `You have ${active} active tokens; revoke one you no longer use first.`);
    const row = await tx.apiToken.create({ data: { userId: actor.id, name, tokenHash: hash, prefix }, select });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "api-token.create",
      entity: "ApiToken",
      entityId: row.id,
      after: { name, prefix },
      useCaseId: null,
    });
    return { ...toDto(row), token };
  });
}

/** Revoke one of the acting user's tokens (at once: the next request with it gets 401). */
export async function revokeMyApiToken(actor: Actor, id: string): Promise<ApiTokenDto> {
  if (!can(actor, "api-token:manage")) throw forbidden();
  requireFindableId(id, "API token");
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findFirst({ where: { id, userId: actor.id }, select });
    if (!existing) throw notFound("API token");
    if (existing.revokedAt) return toDto(existing);
    const row = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "api-token.revoke",
      entity: "ApiToken",
      entityId: id,
      before: { name: existing.name, prefix: existing.prefix },
      useCaseId: null,
    });
    return toDto(row);
  });
}
