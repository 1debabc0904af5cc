import "server-only";
import type { Role } from "@/lib/lifecycle";
import { env, readEnv } from "../env";

// Single sign-on through any OpenID Connect provider (Entra ID, Okta, Keycloak, Google
// Workspace...), configured from the environment: this file reads that configuration and maps
// the provider's groups to roles. ./oidc-provider.ts turns the provider's claims into a profile,
// ./sso-sign-in.ts finds or creates the user. The session it ends in is the same JWT as a
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
