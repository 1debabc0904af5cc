import "server-only";
import { headers } from "next/headers";
import type { User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { Prisma } from "../../generated/prisma/client";
import type { Role } from "../../lib/lifecycle";
import { EmailSchema } from "../../lib/validation/auth";
import { changedFields, recordEvent, recordStandaloneEvent } from "../audit/record-event";
import { db } from "../db";
import { env, readEnv } from "../env";
import { clientIp } from "../http/client-address";
import { currentProbePolicy } from "../services/check-service";
import { fetchEntraGroups } from "./entra-groups";

// Single sign-on through any OpenID Connect provider (Entra ID, Okta, Keycloak, Google
// Workspace...), configured from the environment. The session it ends in is the same JWT as a
// password sign-in (our user id in `sub`, the session version in `sv`), so everything after
// the sign-in (server/auth/current-user.ts) is the same for both.

export const OIDC_PROVIDER_ID = "oidc";

/** The role map's syntax lives with the configuration it is read from. */
export { parseRoleMap } from "../env";

/** When several of a user's groups map to roles, the most privileged wins, in this order. */
export const ROLE_PRECEDENCE: readonly Role[] = ["ADMIN", "IT", "DATA_SCIENTIST", "BUSINESS", "RISK"];

export type RoleMap = ReadonlyMap<string, Role>;
type Env = Record<string, string | undefined>;

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The label of the sign-in button. */
  name: string;
  /** The claim holding the user's groups or roles: a name, or a dotted path (`realm_access.roles`). */
  rolesClaim: string;
  roleMap: RoleMap;
  /** The role of a user none of whose groups maps to one; null: no access until an admin assigns one. */
  defaultRole: Role | null;
  scopes: string;
  /** Treat the email claim as verified when the provider does not say (`email_verified` absent). Never links to an ADMIN. */
  trustEmail: boolean;
  /**
   * Lower-case email domains, Google Workspace domains (`hd`) and Entra ID tenant ids (`tid`)
   * allowed to sign in; empty: any. Each of these the provider sends must be listed.
   */
  allowedDomains: readonly string[];
  /** Microsoft Graph's base URL, read when an Entra ID token has too many groups to carry them. */
  graphUrl: string;
};

/**
 * The values of a claim, as strings: a string claim is one value, an array claim its string
 * items. The name is looked up as is first (claim names may be URLs with dots), then as a dotted path.
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes(".")) {
    value = name
      .split(".")
      .reduce<unknown>(
        (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
        claims,
      );
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** The role the provider's groups give: the most privileged mapped one (ROLE_PRECEDENCE), or null. */
export function mapRole(groups: readonly string[], roleMap: RoleMap): Role | null {
  const granted = new Set(groups.flatMap((group) => roleMap.get(group) ?? []));
  return ROLE_PRECEDENCE.find((role) => granted.has(role)) ?? null;
}

/** The SSO configuration in `source` (the process's by default), or null when `ROADBOOK_OIDC_ISSUER` is unset. Throws on an invalid one. */
export function readOidcConfig(source?: Env): OidcConfig | null {
  const e = source ? readEnv(source) : env();
  if (!e.ROADBOOK_OIDC_ISSUER || !e.ROADBOOK_OIDC_CLIENT_ID || !e.ROADBOOK_OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.ROADBOOK_OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: e.ROADBOOK_OIDC_CLIENT_ID,
    clientSecret: e.ROADBOOK_OIDC_CLIENT_SECRET,
    name: e.ROADBOOK_OIDC_NAME,
    rolesClaim: e.ROADBOOK_OIDC_ROLES_CLAIM,
    roleMap: e.ROADBOOK_OIDC_ROLE_MAP,
    defaultRole: e.ROADBOOK_OIDC_DEFAULT_ROLE,
    scopes: e.ROADBOOK_OIDC_SCOPES,
    trustEmail: e.ROADBOOK_OIDC_TRUST_EMAIL,
    allowedDomains: e.ROADBOOK_OIDC_ALLOWED_DOMAINS,
    graphUrl: e.ROADBOOK_OIDC_GRAPH_URL,
  };
}

/**
 * Password sign-in is on unless `ROADBOOK_PASSWORD_LOGIN=off` and single sign-on is configured
 * (turning it off without SSO would lock everyone out, so it is ignored then).
 */
export function passwordLoginEnabled(source?: Env): boolean {
  return (source ? readEnv(source) : env()).ROADBOOK_PASSWORD_LOGIN || readOidcConfig(source) === null;
}

let cached: { config: OidcConfig | null } | undefined;

/** The process's SSO configuration (read once). */
export function oidcConfig(): OidcConfig | null {
  cached ??= { config: readOidcConfig() };
  return cached.config;
}

type Claims = Record<string, unknown> & { iss?: string; sub?: string };

/** next-auth's generic OIDC provider: authorization code flow with PKCE and state, claims from the ID token. */
export function oidcProvider(config: OidcConfig): OAuthConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scopes } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(claims) {
      const email = ssoEmail(claims);
      return { id: ssoSubjectOf(claims, config), email: email?.address ?? null, name: ssoName(claims, email?.address) };
    },
  };
}

/** The stable identity of a provider's user: `<issuer>|<sub>`. */
export function ssoSubjectOf(claims: Claims, config: Pick<OidcConfig, "issuer">): string {
  if (!claims.sub) throw new Error("The identity provider sent no subject (sub).");
  return `${(claims.iss ?? config.issuer).replace(/\/+$/, "")}|${claims.sub}`;
}

/** The email: `email`, else an email-like `preferred_username` (Entra's UPN), which is never verified. */
function ssoEmail(claims: Claims): { address: string; verified: boolean | null } | null {
  const email = EmailSchema.safeParse(claims.email);
  if (email.success) {
    const flag = claims.email_verified;
    return { address: email.data, verified: flag === undefined ? null : flag === true || flag === "true" };
  }
  const upn = EmailSchema.safeParse(claims.preferred_username);
  return upn.success ? { address: upn.data, verified: false } : null;
}

function ssoName(claims: Claims, email: string | undefined): string {
  const given = [claims.given_name, claims.family_name].filter((part) => typeof part === "string").join(" ");
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name : given || email || "SSO user";
  return name.trim().slice(0, 120);
}

export type SsoProfile = {
  subject: string;
  email: string | null;
  /** true: the provider says verified; null: it does not say; false: not verified. */
  emailVerified: boolean | null;
  name: string;
  groups: string[];
  /** Google Workspace's hosted domain (`hd`), when sent. */
  hostedDomain?: string | null;
  /** Entra ID's tenant id (`tid`), when sent. */
  tenantId?: string | null;
};

const stringClaim = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim().toLowerCase() : null;

export function ssoProfileFromClaims(claims: Claims, config: OidcConfig): SsoProfile {
  const email = ssoEmail(claims);
  return {
    subject: ssoSubjectOf(claims, config),
    email: email?.address ?? null,
    emailVerified: email?.verified ?? false,
    name: ssoName(claims, email?.address),
    groups: claimValues(claims, config.rolesClaim),
    hostedDomain: stringClaim(claims.hd),
    tenantId: stringClaim(claims.tid),
  };
}

/**
 * With ROADBOOK_OIDC_ALLOWED_DOMAINS set, the email's domain must be listed, and so must
 * Google's `hd` and Entra's `tid` when the provider sends them (a multi-tenant app registration
 * or a consumer account otherwise lets in anyone with an account at the provider).
 */
export function domainAllowed(profile: SsoProfile, config: Pick<OidcConfig, "allowedDomains">): boolean {
  if (config.allowedDomains.length === 0) return true;
  const allowed = new Set(config.allowedDomains);
  const domain = profile.email?.split("@")[1]?.toLowerCase();
  if (!domain || !allowed.has(domain)) return false;
  if (profile.hostedDomain && !allowed.has(profile.hostedDomain)) return false;
  if (profile.tenantId && !allowed.has(profile.tenantId)) return false;
  return true;
}

/**
 * Entra ID's groups overage: over 200 groups (150 in SAML), the ID token carries no `groups`
 * claim but `_claim_names: { groups: "src1" }` and `_claim_sources`, and the groups must be
 * read from Microsoft Graph.
 */
export function hasGroupsOverage(claims: Record<string, unknown>, rolesClaim: string): boolean {
  const names = claims._claim_names;
  return (
    claims[rolesClaim] === undefined &&
    !!names &&
    typeof names === "object" &&
    typeof (names as Record<string, unknown>)[rolesClaim] === "string"
  );
}

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
