import "server-only";
import { passwordLoginEnabled } from "../auth/oidc";
import { db } from "../db";
import { DomainError } from "../errors";
import { createUser } from "./create-user";

/** True while the database has no user at all: the one moment /setup is open. */
export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/** Why /setup creates no account while password sign-in is off. */
export const SETUP_NEEDS_SSO =
  "Password sign-in is turned off (ROADBOOK_PASSWORD_LOGIN=off), so an administrator created here could not sign in. Map your administrators' group to ADMIN in ROADBOOK_OIDC_ROLE_MAP and sign in with single sign-on: the first administrator comes in that way.";

/**
 * First-run setup: the first visitor creates the admin account, and only while there is
 * no user. A transaction-scoped advisory lock makes two simultaneous attempts safe.
 */
export async function createFirstAdmin(input: { email: string; name: string; password: string }) {
  // An admin with a password could never sign in: the first admin comes through single sign-on.
  if (!passwordLoginEnabled()) throw new DomainError("CONFLICT", SETUP_NEEDS_SSO);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727001)`;
    if ((await tx.user.count()) > 0) throw new DomainError("FORBIDDEN", "Setup is already done: sign in instead.");
    // createUser runs its own transaction; the lock above is held until this one ends.
    return createUser(db, { ...input, role: "ADMIN" });
  });
}
