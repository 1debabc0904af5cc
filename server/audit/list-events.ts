import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { formatKey, parseKey } from "@/lib/lifecycle";
import { type Actor, can } from "@/lib/permissions";
import { type AuditQuery, AuditQuerySchema } from "@/lib/validation/audit";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, forbidden, notFound } from "../errors";
import { parseInput } from "../http/parse-input";

export type AuditEventDto = {
  id: string;
  at: string;
  actorId: string | null;
  actor: { id: string; name: string } | null;
  action: string;
  entity: string;
  entityId: string;
  useCaseKey: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/** Newest first; the cursor is the (time, id) of the last event of the page. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime()))
    throw new DomainError("VALIDATION", "The cursor is not valid.", {
      errors: [{ path: "cursor", message: "Use the nextCursor of a previous page." }],
    });
  return { at: date, id };
}

/**
 * Who may read which part of the trail: a use case's own events need only `use-case:read`
 * (its Activity tab); the whole trail, or any other filter without a use case, needs `audit:read`.
 */
async function scopeWhere(
  actor: Actor,
  query: z.output<typeof AuditQuerySchema>,
): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = {};
  if (query.useCase) {
    requirePermission(actor, "use-case:read");
    const number = parseKey(query.useCase);
    const useCase = number == null ? null : await db.useCase.findUnique({ where: { number }, select: { id: true } });
    if (!useCase) throw notFound("Use case");
    where.useCaseId = useCase.id;
  } else if (!can(actor, "audit:read")) {
    throw forbidden("Only admins read the whole audit trail; give ?useCase=UC-n for one use case's events.");
  }
  if (query.actor) where.actorId = query.actor;
  if (query.action) where.action = { startsWith: query.action };
  if (query.entity) where.entity = query.entity;
  if (query.from || query.to)
    where.at = {
      ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
      ...(query.to ? { lte: new Date(`${query.to}T23:59:59.999Z`) } : {}),
    };
  return where;
}

export type Row = Prisma.AuditEventGetPayload<{ include: { actor: { select: { id: true; name: true } } } }>;

/** Rows with their actor as DTOs, each with its use case key. */
export async function toDtos(rows: Row[]): Promise<AuditEventDto[]> {
  const ids = [...new Set(rows.map((r) => r.useCaseId).filter((id): id is string => id != null))];
  const useCases = ids.length
    ? await db.useCase.findMany({ where: { id: { in: ids } }, select: { id: true, number: true } })
    : [];
  const keyOf = new Map(useCases.map((u) => [u.id, formatKey(u.number)]));
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actor: row.actor ? { id: row.actor.id, name: row.actor.name } : null,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    useCaseKey: row.useCaseId ? (keyOf.get(row.useCaseId) ?? null) : null,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
  }));
}

/** One page of the audit trail, newest first, with the filters of AuditQuerySchema. */
export async function listAuditEvents(
  actor: Actor,
  input: AuditQuery | Record<string, unknown>,
): Promise<{ items: AuditEventDto[]; nextCursor: string | null }> {
  const query = parseInput(AuditQuerySchema, input);
  const where = await scopeWhere(actor, query);
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor);
    where.OR = [{ at: { lt: at } }, { at, id: { lt: id } }];
  }
  const rows = await db.auditEvent.findMany({
    where,
    include: { actor: { select: { id: true, name: true } } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toDtos(page),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}

const MAX_EXPORT = 50_000;

/** Every event matching the filters (newest first, at most 50,000), for the CSV export. */
export async function exportAuditEvents(actor: Actor, input: Record<string, unknown>): Promise<AuditEventDto[]> {
  const query = parseInput(AuditQuerySchema, { ...input, limit: 1 });
  const where = await scopeWhere(actor, query);
  const rows = await db.auditEvent.findMany({
    where,
    include: { actor: { select: { id: true, name: true } } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: MAX_EXPORT,
  });
  return toDtos(rows);
}
