import "server-only";
import { passwordLoginEnabled } from "../auth/oidc";
import { db } from "../db";
import { DomainError } from "../errors";
import { createUser } from "./create-user";
import { retireSetupCodes, setupCodeMatches } from "./setup-code";

/** True while the database has no user at all: the one moment /setup is open. */
export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/** Why /setup creates no account while password sign-in is off. */
export const SETUP_NEEDS_SSO =
  "Password sign-in is turned off (ROADBOOK_PASSWORD_LOGIN=off), so an administrator created here could not sign in. Map your administrators' group to ADMIN in ROADBOOK_OIDC_ROLE_MAP and sign in with single sign-on: the first administrator comes in that way.";

export const WRONG_SETUP_CODE =
  "This is not the setup code. The server printed it in its log when it started (npm start also writes it to .data/setup-code).";

/**
 * First-run setup: whoever holds the setup code (server/users/setup-code.ts) creates the admin
 * account, and only while there is no user. A transaction-scoped advisory lock makes two
 * simultaneous attempts safe; the codes are retired with the admin's creation.
 */
export async function createFirstAdmin(input: { email: string; name: string; password: string; setupCode: string }) {
  // An admin with a password could never sign in: the first admin comes through single sign-on.
  if (!passwordLoginEnabled()) throw new DomainError("CONFLICT", SETUP_NEEDS_SSO);
  const { setupCode, ...user } = input;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(727001)`;
      if ((await tx.user.count()) > 0) throw new DomainError("FORBIDDEN", "Setup is already done: sign in instead.");
      if (!(await setupCodeMatches(tx, setupCode)))
        throw new DomainError("VALIDATION", "Some fields need attention.", {
          errors: [{ path: "setupCode", message: WRONG_SETUP_CODE }],
        });
      // createUser runs its own transaction; the lock above is held until this one ends.
      const admin = await createUser(db, { ...user, role: "ADMIN" });
      await retireSetupCodes(tx);
      return admin;
    },
    // Not Prisma's 5 s default: createUser hashes the password (argon2) inside this transaction's
    // lifetime, which passes 5 s on a loaded machine; the transaction then expired after the admin
    // was committed, and setup answered an error for an admin that exists (seen in the image test).
    { timeout: 60_000 },
  );
}
