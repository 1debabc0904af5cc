import "server-only";
import { startRounds } from "../background-rounds";
import { db, dbPool } from "../db";
import { type MailConfig, type Mailer, readMailConfig, smtpMailer } from "./mailer";
import { digestEmail } from "./templates";

/** The advisory lock that lets one process at a time run a round (any number of app replicas). */
const ROUND_LOCK = 0x52424b4d; // "RBKM"
/** Notifications older than this are never emailed (e.g. those from before SMTP was configured). */
const MAX_AGE_MS = 24 * 60 * 60_000;
const MAX_USERS_PER_ROUND = 200;
const MAX_ITEMS_PER_EMAIL = 50;

export type DigestRoundOptions = {
  now?: Date;
  config: MailConfig;
  mailer: Mailer;
  /** Narrow the round to these users (tests). */
  only?: string[];
};

export type DigestRoundResult = { sent: number; failed: number };

/**
 * One round: every active user with email notifications on gets ONE email listing their
 * notifications not yet emailed (nor read in the app), when the oldest of them is at least
 * `batchMinutes` old and their last email went out at least `batchMinutes` ago. The
 * notifications in a sent email are marked `emailedAt`, and the user's `lastEmailedAt` set; a
 * failed send marks nothing (the next round tries again) and is logged, never thrown.
 */
export async function sendDigests({
  now = new Date(),
  config,
  mailer,
  only,
}: DigestRoundOptions): Promise<DigestRoundResult> {
  const cutoff = new Date(now.getTime() - config.batchMinutes * 60_000);
  const oldest = new Date(now.getTime() - MAX_AGE_MS);
  const due = await db.notification.groupBy({
    by: ["userId"],
    where: {
      emailedAt: null,
      readAt: null,
      createdAt: { gt: oldest, lte: now },
      user: {
        active: true,
        emailNotifications: true,
        OR: [{ lastEmailedAt: null }, { lastEmailedAt: { lte: cutoff } }],
      },
      ...(only ? { userId: { in: only } } : {}),
    },
    _min: { createdAt: true },
    having: { createdAt: { _min: { lte: cutoff } } },
    orderBy: { _min: { createdAt: "asc" } },
    take: MAX_USERS_PER_ROUND,
  });

  const result: DigestRoundResult = { sent: 0, failed: 0 };
  for (const { userId } of due) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (!user) continue;
    const items = await db.notification.findMany({
      where: { userId, emailedAt: null, readAt: null, createdAt: { gt: oldest, lte: now } },
      orderBy: { createdAt: "asc" },
      take: MAX_ITEMS_PER_EMAIL,
      select: { id: true, title: true, href: true, createdAt: true },
    });
    if (items.length === 0) continue;
    const email = digestEmail(user, items, config.publicUrl);
    try {
      await mailer.send({ to: user.email, ...email });
    } catch (error) {
      result.failed++;
      console.error(
        `notification email to user ${user.id} failed (retried next round):`,
        error instanceof Error ? error.message : error,
      );
      continue;
    }
    result.sent++;
    await db.$transaction([
      db.notification.updateMany({
        where: { id: { in: items.map((item) => item.id) }, emailedAt: null },
        data: { emailedAt: now },
      }),
      db.user.update({ where: { id: user.id }, data: { lastEmailedAt: now } }),
    ]);
  }
  return result;
}

/**
 * A round in at most one process at a time across the replicas sharing the database: it runs
 * while its process holds a transaction-scoped PostgreSQL advisory lock on a connection of its
 * own; a process that finds the lock taken skips the round (null).
 */
export async function runExclusiveDigestRound(options: DigestRoundOptions): Promise<DigestRoundResult | null> {
  const connection = await dbPool.connect();
  try {
    await connection.query("BEGIN");
    const { rows } = await connection.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [
      ROUND_LOCK,
    ]);
    if (!rows[0]?.locked) return null;
    return await sendDigests(options);
  } finally {
    await connection.query("COMMIT").catch(() => undefined);
    connection.release();
  }
}

let started = false;

/**
 * Start the rounds (every minute) in this server process (instrumentation.ts), when SMTP is
 * configured. An invalid configuration stops the server's start before this (server/env.ts);
 * should one get here, it is reported once and leaves email off.
 */
export function startEmailDigests(): void {
  if (started) return;
  let config: MailConfig | null;
  try {
    config = readMailConfig();
  } catch (error) {
    console.error(`Email notifications are off: ${error instanceof Error ? error.message : error}`);
    return;
  }
  if (!config) return;
  started = true;
  const mailer = smtpMailer(config);
  const options = { config, mailer };
  startRounds("notification email", () => runExclusiveDigestRound({ ...options, now: new Date() }), {
    everyMs: 60_000,
    firstAfterMs: 20_000,
  });
}
