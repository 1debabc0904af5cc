// next-auth's OpenID Connect provider, and what Roadbook reads from the claims it sends: the
// user's stable identity, email and name, groups, and the domain and tenant checks.
import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { EmailSchema } from "@/lib/validation/auth";
import { claimValues, OIDC_PROVIDER_ID, type OidcConfig } from "./oidc";

export type Claims = Record<string, unknown> & { iss?: string; sub?: string };

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
