import "server-only";
import { db } from "../db";
import { DomainError } from "../errors";
import { createUser } from "./create-user";

/** True while the database has no user at all: the one moment /setup is open. */
export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/**
 * First-run setup: the first visitor creates the admin account, and only while there is
 * no user. A transaction-scoped advisory lock makes two simultaneous attempts safe.
 */
export async function createFirstAdmin(input: { email: string; name: string; password: string }) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727001)`;
    if ((await tx.user.count()) > 0) throw new DomainError("FORBIDDEN", "Setup is already done: sign in instead.");
    // createUser runs its own transaction; the lock above is held until this one ends.
    return createUser(db, { ...input, role: "ADMIN" });
  });
}
