import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "../db";
import { currentRequestId } from "./request-context";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type AuditEventInput = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: Json;
  after?: Json;
  /** The use case the event belongs to; found from the entity when not given. */
  useCaseId?: string | null;
};

/** Entities that belong to a use case through a `useCaseId` column. */
const CHILD_TABLES = new Set([
  "GateReview",
  "ChecklistItem",
  "EstimateRevision",
  "Actual",
  "Feedback",
  "Service",
  "Comment",
]);

async function findUseCaseIdOf(tx: Tx, entity: string, entityId: string): Promise<string | null> {
  if (entity === "UseCase") return entityId;
  let rows: { useCaseId: string }[] = [];
  if (CHILD_TABLES.has(entity)) {
    rows = await tx.$queryRaw`SELECT "useCaseId" FROM ${Prisma.raw(`"${entity}"`)} WHERE id = ${entityId}`;
  } else if (entity === "GateCondition") {
    rows =
      await tx.$queryRaw`SELECT r."useCaseId" FROM "GateCondition" c JOIN "GateReview" r ON r.id = c."reviewId" WHERE c.id = ${entityId}`;
  }
  return rows[0]?.useCaseId ?? null;
}

/**
 * Write an audit event inside the caller's transaction: the change and its record land
 * together. The event carries the request's id and, when the entity belongs to a use case,
 * that use case (its Activity tab). The table is append-only (a trigger refuses the rest).
 */
export async function recordEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
      requestId: currentRequestId(),
      useCaseId:
        event.useCaseId !== undefined ? event.useCaseId : await findUseCaseIdOf(tx, event.entity, event.entityId),
    },
  });
}

/**
 * Write many audit events in one statement (an import's thousands of rows), each as recordEvent
 * would. Every event names its use case (`useCaseId`, null for none): nothing is looked up.
 */
export async function recordEvents(tx: Tx, events: (AuditEventInput & { useCaseId: string | null })[]): Promise<void> {
  if (events.length === 0) return;
  const requestId = currentRequestId();
  await tx.auditEvent.createMany({
    data: events.map((event) => ({
      actorId: event.actorId,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
      requestId,
      useCaseId: event.useCaseId,
    })),
  });
}

/** Only the fields that changed, as { before, after }. */
export function changedFields<T extends Record<string, Json>>(before: T, after: T): { before: Json; after: Json } {
  const b: Record<string, Json> = {};
  const a: Record<string, Json> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}
