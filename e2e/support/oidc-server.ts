// A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1, for the single sign-on tests:
// authorization code flow with PKCE required, a confidential client for the app, test accounts
// with `email`, `name` and `groups` claims in the ID token, and the package's development
// sign-in page (any password; the login names an account below). Consent is implied for the
// app (first party), as an enterprise IdP would configure it.
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const OIDC_CLIENT = { id: "roadbook-e2e", secret: "e2e-oidc-client-secret-0123456789" };

/**
 * Logins accepted by the provider's sign-in page, with their claims. `overage`: the ID token
 * carries no `groups`, but Entra ID's `_claim_names`/`_claim_sources` pointing to Graph, which
 * answers with `graphGroups` (e2e's Graph stand-in, test-support/fakes/graph-server.ts).
 */
type SsoAccount = {
  email: string;
  name: string;
  groups: readonly string[];
  overage?: boolean;
  graphGroups?: readonly string[];
};
export const SSO_ACCOUNTS = {
  "sso-scientist": { email: "sso-scientist@idp.test", name: "Sasha Scientist", groups: ["everyone", "ml-team"] },
  "sso-newcomer": { email: "sso-newcomer@idp.test", name: "Noor Newcomer", groups: ["everyone"] },
  "sso-leaver": { email: "sso-leaver@idp.test", name: "Lee Leaver", groups: ["ml-team"] },
  /** Outside ROADBOOK_OIDC_ALLOWED_DOMAINS (idp.test). */
  "sso-outsider": { email: "sso-outsider@elsewhere.test", name: "Olly Outsider", groups: ["roadbook-admins"] },
  /** Was in the admins group; no group of theirs maps any more. */
  "sso-former-admin": { email: "sso-former-admin@idp.test", name: "Fran Former", groups: ["everyone"] },
  /** An Entra ID user with too many groups for the token: Graph says they are in the admins group. */
  "sso-many-groups": {
    email: "sso-many-groups@idp.test",
    name: "Manny Groups",
    groups: [],
    overage: true,
    graphGroups: [...Array.from({ length: 250 }, (_, i) => `group-${i}`), "roadbook-admins"],
  },
} satisfies Record<string, SsoAccount>;

export const SSO_ROLE_MAP = "roadbook-admins=ADMIN,ml-team=DATA_SCIENTIST,business=BUSINESS,it-ops=IT";
export const SSO_BUTTON = "Company SSO";

type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };
type Grant = {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
};
type ProviderContext = {
  oidc: {
    client?: { clientId: string };
    session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    params?: { scope?: string };
    provider: {
      Grant: {
        new (init: { clientId: string; accountId?: string }): Grant;
        find(id: string): Promise<Grant | undefined>;
      };
    };
  };
};
type ProviderInstance = { callback(): http.RequestListener; proxy: boolean };
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

export type OidcServer = { issuer: string; env: Record<string, string>; stop(): Promise<void> };

/** Graph's answer for an access token of this provider: the overage account's groups (one such account). */
export function graphGroupsOf(): string[] {
  return [...((Object.values(SSO_ACCOUNTS) as SsoAccount[]).find((account) => account.overage)?.graphGroups ?? [])];
}

/**
 * Start the provider for the app at `appUrl` (its redirect URI is `<appUrl>/api/auth/callback/oidc`),
 * on a free port; `env` is what the app needs to use it.
 */
export async function startOidcServer(appUrl: string): Promise<OidcServer> {
  // oidc-provider ships no type declarations: loaded by name, typed by the few members used here.
  const moduleName = "oidc-provider";
  const { default: Provider } = (await import(moduleName)) as { default: ProviderClass };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    // The claims of the granted scopes go into the ID token (next-auth reads them from there).
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789"] },
    jwks: {
      keys: [
        { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "e2e" },
      ],
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx: unknown, id: string): Promise<Account | undefined> {
      const account: SsoAccount | undefined = SSO_ACCOUNTS[id as keyof typeof SSO_ACCOUNTS];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          const common = { sub: id, email: account.email, email_verified: true, name: account.name };
          if (!account.overage) return { ...common, groups: [...account.groups] };
          // Entra ID's distributed-claim form of the groups overage.
          return {
            ...common,
            _claim_names: { groups: "src1" },
            _claim_sources: { src1: { endpoint: `https://graph.windows.net/tenant/users/${id}/getMemberObjects` } },
          };
        },
      };
    },
    // First-party client: every requested scope is granted without a consent screen.
    async loadExistingGrant(ctx: ProviderContext) {
      const { oidc } = ctx;
      if (!oidc.client || !oidc.session?.accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(oidc.params?.scope ?? "openid");
      await grant.save();
      return grant;
    },
  });
  server.on("request", provider.callback());

  return {
    issuer,
    env: {
      ROADBOOK_OIDC_ISSUER: issuer,
      ROADBOOK_OIDC_CLIENT_ID: OIDC_CLIENT.id,
      ROADBOOK_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      ROADBOOK_OIDC_NAME: SSO_BUTTON,
      ROADBOOK_OIDC_SCOPES: "openid email profile groups",
      ROADBOOK_OIDC_ROLE_MAP: SSO_ROLE_MAP,
      ROADBOOK_OIDC_DEFAULT_ROLE: "none",
      ROADBOOK_OIDC_ALLOWED_DOMAINS: "idp.test",
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
