// The end of an SSO sign-in: find or create the user of a provider's profile, apply the role its
// groups map to (reading them from Microsoft Graph on an Entra ID overage), and audit the outcome.
import "server-only";
import { headers } from "next/headers";
import type { User } from "next-auth";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/lib/lifecycle";
import { changedFields, recordEvent } from "../audit/record-event";
import { recordStandaloneEvent } from "../audit/standalone-event";
import { db } from "../db";
import { clientIp } from "../http/client-address";
import { currentProbePolicy } from "../services/check-service";
import { fetchEntraGroups } from "./entra-groups";
import { mapRole, type OidcConfig } from "./oidc";
import { type Claims, domainAllowed, hasGroupsOverage, type SsoProfile, ssoProfileFromClaims } from "./oidc-provider";

export type SsoOutcome =
  | { kind: "signed-in"; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { kind: "awaiting-role"; userId: string }
  | {
      kind: "refused";
      reason: "deactivated" | "no-email" | "email-taken" | "domain-not-allowed" | "groups-unavailable";
      userId?: string;
    };

/** Placeholder role of a user awaiting one (never used: such a user is inactive until an admin assigns a role). */
const AWAITING_PLACEHOLDER_ROLE: Role = "BUSINESS";

/**
 * Find or create the user of an SSO sign-in, and apply the role the provider's groups map to.
 *
 * - found by `ssoSubject`; else by email when the provider vouches for it (`email_verified`, or
 *   ROADBOOK_OIDC_TRUST_EMAIL), and then linked; else created (with the mapped role, else the
 *   default role, else awaiting a role: inactive until an admin assigns one);
 * - refused when the email's domain (or `hd`, or `tid`) is not in ROADBOOK_OIDC_ALLOWED_DOMAINS;
 * - a mapped role is applied at every sign-in, overwriting a role an admin set by hand (the
 *   provider's groups are the source of truth); with a role map configured and no group of the
 *   user mapping any more, the user drops to the default role, or to awaiting a role (no
 *   access): someone taken out of the admins group does not stay ADMIN; without a role map the
 *   user keeps their role;
 * - an email vouched for only by ROADBOOK_OIDC_TRUST_EMAIL never links to an ADMIN account;
 * - a deactivated user is refused (one awaiting a role is let in once a group maps to a role);
 * - an email already used by another account is never taken over without verification.
 */
export async function resolveSsoUser(profile: SsoProfile, config: OidcConfig): Promise<SsoOutcome> {
  try {
    return await resolveOnce(profile, config);
  } catch (error) {
    // Two first sign-ins of one person at once: the other created the user; this one finds it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return resolveOnce(profile, config);
    throw error;
  }
}

async function resolveOnce(profile: SsoProfile, config: OidcConfig): Promise<SsoOutcome> {
  if (!domainAllowed(profile, config)) return { kind: "refused", reason: "domain-not-allowed" };
  const mapped = mapRole(profile.groups, config.roleMap);
  const emailTrusted = profile.emailVerified === true || (profile.emailVerified === null && config.trustEmail);
  return db.$transaction(async (tx): Promise<SsoOutcome> => {
    let user = await tx.user.findUnique({ where: { ssoSubject: profile.subject } });
    let link = false;
    if (!user && profile.email) {
      const byEmail = await tx.user.findUnique({ where: { email: profile.email } });
      // Trusting an unverified email is an operator's convenience for ordinary accounts: an
      // admin account is linked only on the provider's own word (`email_verified`).
      const trustedOnlyBySetting = profile.emailVerified !== true;
      if (
        byEmail &&
        (!emailTrusted ||
          (byEmail.ssoSubject && byEmail.ssoSubject !== profile.subject) ||
          (trustedOnlyBySetting && byEmail.role === "ADMIN" && !byEmail.awaitingRole))
      )
        return { kind: "refused", reason: "email-taken", userId: byEmail.id };
      user = byEmail;
      link = !!byEmail;
    }

    if (!user) {
      if (!profile.email) return { kind: "refused", reason: "no-email" };
      const role = mapped ?? config.defaultRole;
      const created = await tx.user.create({
        data: {
          email: profile.email,
          name: profile.name,
          role: role ?? AWAITING_PLACEHOLDER_ROLE,
          ssoSubject: profile.subject,
          passwordHash: null,
          active: role !== null,
          awaitingRole: role === null,
        },
      });
      await recordEvent(tx, {
        actorId: null,
        action: "user.created",
        entity: "User",
        entityId: created.id,
        after: { email: created.email, name: created.name, role: role, via: "sso", awaitingRole: role === null },
        useCaseId: null,
      });
      return role === null ? { kind: "awaiting-role", userId: created.id } : { kind: "signed-in", user: pick(created) };
    }

    if (!user.active && !user.awaitingRole) return { kind: "refused", reason: "deactivated", userId: user.id };
    // With a role map, the provider's groups decide: none mapping means the default role, or none.
    const decides = config.roleMap.size > 0 || user.awaitingRole;
    const role = mapped ?? (decides ? config.defaultRole : null);
    const before = {
      role: user.role,
      active: user.active,
      awaitingRole: user.awaitingRole,
      ssoSubject: user.ssoSubject,
    };
    const after = { ...before };
    if (link) after.ssoSubject = profile.subject;
    if (role) Object.assign(after, { role, active: true, awaitingRole: false });
    else if (decides) Object.assign(after, { active: false, awaitingRole: true });
    const change = changedFields(before, after);
    if (Object.keys(change.after as object).length > 0) {
      user = await tx.user.update({ where: { id: user.id }, data: after });
      await recordEvent(tx, {
        actorId: null,
        action: "user.updated",
        entity: "User",
        entityId: user.id,
        before: change.before,
        after: { ...(change.after as object), via: "sso" },
        useCaseId: null,
      });
    }
    return user.awaitingRole ? { kind: "awaiting-role", userId: user.id } : { kind: "signed-in", user: pick(user) };
  });
}

function pick(user: { id: string; email: string; name: string; sessionVersion: number }) {
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * Resolve the sign-in, first reading the groups from Microsoft Graph when Entra ID left them out
 * of the token (overage). Should Graph fail, the sign-in is refused and the user left as is:
 * guessing "no groups" would demote everyone during a Graph outage.
 */
async function withOverageGroups(
  profile: SsoProfile,
  claims: Claims,
  config: OidcConfig,
  accessToken: string | undefined,
): Promise<SsoOutcome> {
  if (!hasGroupsOverage(claims, config.rolesClaim)) return resolveSsoUser(profile, config);
  if (!domainAllowed(profile, config)) return { kind: "refused", reason: "domain-not-allowed" };
  try {
    if (!accessToken) throw new Error("the provider sent no access token");
    const groups = await fetchEntraGroups(accessToken, {
      graphUrl: config.graphUrl,
      policy: await currentProbePolicy(),
    });
    return resolveSsoUser({ ...profile, groups }, config);
  } catch (error) {
    console.error(`SSO: could not read the groups of ${profile.subject} from Microsoft Graph: ${String(error)}`);
    return { kind: "refused", reason: "groups-unavailable" };
  }
}

async function requestIp(): Promise<string> {
  try {
    return clientIp(await headers());
  } catch {
    return "unknown";
  }
}

/**
 * next-auth's signIn callback for an SSO sign-in: true lets it issue the session (with our
 * user's id and session version, written onto `user`, which next-auth hands to the jwt
 * callback), a path sends the browser there instead (no session). Audited either way.
 */
export async function completeSsoSignIn(
  user: User,
  claims: Claims,
  config: OidcConfig,
  accessToken?: string,
): Promise<true | string> {
  const profile = ssoProfileFromClaims(claims, config);
  const outcome = await withOverageGroups(profile, claims, config, accessToken);
  const ip = await requestIp();
  const email = profile.email ?? profile.subject;
  if (outcome.kind === "signed-in") {
    Object.assign(user, outcome.user);
    await recordStandaloneEvent({
      actorId: outcome.user.id,
      action: "auth.sign-in",
      entity: "User",
      entityId: outcome.user.id,
      after: { email: outcome.user.email, ip, via: "sso" },
      useCaseId: null,
    });
    return true;
  }
  const reason = outcome.kind === "awaiting-role" ? "awaiting-role" : outcome.reason;
  await recordStandaloneEvent({
    actorId: null,
    action: "auth.sign-in-failed",
    entity: "User",
    entityId: outcome.userId ?? email,
    after: { email, ip, via: "sso", reason },
    useCaseId: null,
  });
  return outcome.kind === "awaiting-role" ? "/awaiting-role" : `/login?error=sso-${reason}`;
}
