import "server-only";
import { recordStandaloneEvent } from "../audit/standalone-event";
import { db } from "../db";

export type SignInOutcome = "signed-in" | "failed" | "throttled" | "account-locked";

const ACTIONS: Record<SignInOutcome, string> = {
  "signed-in": "auth.sign-in",
  failed: "auth.sign-in-failed",
  throttled: "auth.sign-in-throttled",
  "account-locked": "auth.account-locked",
};

// A burst of failed or throttled sign-ins from one address writes its first BURST_DETAILED
// events one by one, then one summary event when the burst passes that, and one at the 100th,
// 1,000th… within the window: a scripted guesser adds a handful of events, not thousands.
// (Counted per server process; the LoginAttempt table keeps every attempt for 30 days.)
const BURST_WINDOW_MS = 15 * 60 * 1000;
export const BURST_DETAILED = 10;
const bursts = new Map<string, { since: number; count: number }>();

/** How many refusals this address has had in its current window, this one included. */
function countRefusal(ip: string, now: number): { since: number; count: number } {
  let burst = bursts.get(ip);
  if (!burst || now - burst.since > BURST_WINDOW_MS) {
    if (bursts.size > 10_000)
      for (const [key, value] of bursts) if (now - value.since > BURST_WINDOW_MS) bursts.delete(key);
    burst = { since: now, count: 0 };
    bursts.set(ip, burst);
  }
  burst.count += 1;
  return burst;
}

const summarised = (n: number) => n === BURST_DETAILED + 1 || (n >= 100 && /^10*$/.test(String(n)));

/**
 * A sign-in attempt in the audit trail: the account (when the email is known) and the client
 * address; never the password. A failed attempt on an unknown email is recorded under the email.
 */
export async function auditSignIn(email: string, ip: string, outcome: SignInOutcome, now = Date.now()): Promise<void> {
  if (outcome === "failed" || outcome === "throttled") {
    const burst = countRefusal(ip, now);
    if (burst.count > BURST_DETAILED) {
      if (summarised(burst.count))
        await recordStandaloneEvent({
          actorId: null,
          action: "auth.sign-in-burst",
          entity: "Request",
          entityId: ip,
          after: { ip, refusedSignIns: burst.count, since: new Date(burst.since).toISOString() },
          useCaseId: null,
        });
      return;
    }
  }
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
