import "server-only";
import { startRounds } from "../background-rounds";
import { db, dbPool } from "../db";
import { env } from "../env";
import { getOrgSettings } from "../settings/org-settings";
import { currentProbePolicy, probeAndRecord } from "./check-service";

const HISTORY_DAYS = 7;
/** The advisory lock that lets one process at a time run a round (any number of app replicas). */
const ROUND_LOCK = 0x52424b50; // "RBKP"

/**
 * The schedule in force, read at every round so a change in Settings applies without a restart:
 * the organisation's probe interval (ROADBOOK_PROBE_INTERVAL_MINUTES is only its default until an
 * admin saves one), except that ROADBOOK_PROBE_INTERVAL_MINUTES=0 turns the rounds off (0).
 */
export async function probeSchedule(): Promise<{ intervalMinutes: number; concurrency: number }> {
  const { ROADBOOK_PROBE_INTERVAL_MINUTES: fromEnv, ROADBOOK_PROBE_CONCURRENCY: concurrency } = env();
  return { intervalMinutes: fromEnv === 0 ? 0 : (await getOrgSettings()).probeIntervalMinutes, concurrency };
}

/**
 * One round, in at most one process at a time across every replica sharing the database: the
 * round runs while its process holds a PostgreSQL advisory lock, taken in a transaction on a
 * connection of its own (transaction-scoped, so it also holds through PgBouncer in transaction
 * mode). A process that finds the lock taken skips the round (null); the services it would have
 * probed are probed by the holder, and are not due again until the next interval.
 */
export async function runExclusiveRound(now = new Date(), only?: string[]): Promise<number | null> {
  const connection = await dbPool.connect();
  try {
    await connection.query("BEGIN");
    const { rows } = await connection.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [
      ROUND_LOCK,
    ]);
    if (!rows[0]?.locked) return null;
    return await runDueProbes(now, only);
  } finally {
    await connection.query("COMMIT").catch(() => undefined);
    connection.release();
  }
}

/**
 * One round: probe the services not checked for an interval (oldest first), at most
 * `concurrency` at once, each start spread by a little jitter; then drop probe history older
 * than 7 days (`only` narrows the round to some services, for tests). Services drift apart in time, so rounds every minute stagger the probes.
 */
export async function runDueProbes(now = new Date(), only?: string[]): Promise<number> {
  const { intervalMinutes, concurrency } = await probeSchedule();
  const cutoff = new Date(now.getTime() - intervalMinutes * 60_000);
  const due = await db.service.findMany({
    where: { OR: [{ checkedAt: null }, { checkedAt: { lt: cutoff } }], ...(only ? { id: { in: only } } : {}) },
    select: { id: true },
    orderBy: { checkedAt: { sort: "asc", nulls: "first" } },
    take: 500,
  });
  const policy = await currentProbePolicy();
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const service = due[next++];
      if (!service) break;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
      await probeAndRecord(service.id, policy).catch((error) => console.error("probe failed", service.id, error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
  await db.serviceProbe.deleteMany({ where: { at: { lt: new Date(now.getTime() - HISTORY_DAYS * 86_400_000) } } });
  return due.length;
}

let started = false;

/** Start the background rounds in this server process (instrumentation.ts); 0 minutes turns them off. */
export function startProbeScheduler(): void {
  // Only the env can turn the rounds off; the interval itself is read by each round (probeSchedule).
  if (started || env().ROADBOOK_PROBE_INTERVAL_MINUTES === 0) return;
  started = true;
  // Every minute: each round probes the services not checked for the interval in force.
  startRounds("health probe", () => runExclusiveRound(), { everyMs: 60_000, firstAfterMs: 15_000 });
}
