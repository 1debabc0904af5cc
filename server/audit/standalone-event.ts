import "server-only";
import { db } from "../db";
import { type AuditEventInput, recordEvent } from "./record-event";

// Events written on their own transaction. Kept apart from record-event.ts, which only writes
// inside a caller's transaction, so importing that one never opens the database pool.

/**
 * An event that goes with no change of data (a sign-in, a failed sign-in, a refused request):
 * written on its own. It never throws: failing to record a refusal must not turn it into a 500.
 */
export async function recordStandaloneEvent(event: AuditEventInput): Promise<void> {
  try {
    await db.$transaction((tx) => recordEvent(tx, event));
  } catch (error) {
    console.error("could not record the audit event", event.action, error);
  }
}

/** An authorization refusal: who was refused what, and why. */
export async function recordRefusal(actor: { id: string } | null, what: string, reason: string): Promise<void> {
  await recordStandaloneEvent({
    actorId: actor?.id ?? null,
    action: "authz.refused",
    entity: "Request",
    entityId: what,
    after: { reason },
    useCaseId: null,
  });
}
