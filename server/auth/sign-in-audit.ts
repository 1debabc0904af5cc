import "server-only";
import { recordStandaloneEvent } from "../audit/record-event";
import { db } from "../db";

export type SignInOutcome = "signed-in" | "failed" | "throttled";

const ACTIONS: Record<SignInOutcome, string> = {
  "signed-in": "auth.sign-in",
  failed: "auth.sign-in-failed",
  throttled: "auth.sign-in-throttled",
};

/**
 * A sign-in attempt in the audit trail: the account (when the email is known) and the client
 * address; never the password. A failed attempt on an unknown email is recorded under the email.
 */
export async function auditSignIn(email: string, ip: string, outcome: SignInOutcome): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  await recordStandaloneEvent({
    actorId: outcome === "signed-in" ? (user?.id ?? null) : null,
    action: ACTIONS[outcome],
    entity: "User",
    entityId: user?.id ?? email,
    after: { email, ip },
    useCaseId: null,
  });
}
