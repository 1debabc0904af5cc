import "server-only";
import type { Tx } from "../db";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Write an audit event inside the caller's transaction: the change and its record land together. */
export async function recordEvent(
  tx: Tx,
  event: { actorId: string | null; action: string; entity: string; entityId: string; before?: Json; after?: Json },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
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
