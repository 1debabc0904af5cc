// Entra ID's groups overage, against a local HTTP server that answers exactly as Microsoft
// Graph's v1.0 reference documents `POST /me/getMemberObjects` (test-support/fakes/graph-server.ts):
// Microsoft Graph itself cannot run here.
import { randomUUID } from "node:crypto";
import type { User } from "next-auth";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type GraphServer, startGraphServer } from "@/test-support/fakes/graph-server";
import { db } from "../db";
import { parseAllowList } from "../services/probe-policy";
import { fetchEntraGroups } from "./entra-groups";
import { type OidcConfig, parseRoleMap } from "./oidc";
import { hasGroupsOverage } from "./oidc-provider";
import { completeSsoSignIn } from "./sso-sign-in";

const ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.graph-access-token";
const ADMINS_GROUP = "c2a4f1a8-2f4e-4f6c-9d4e-0a1b2c3d4e5f";
/** 250 groups: over the 200 an Entra ID token carries. */
const MANY_GROUPS = Array.from({ length: 250 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
let memberships: string[] = [];
let answerStatus = 200;
let graph: GraphServer;
let graphUrl = "";
const seen = () => graph.requests;

beforeAll(async () => {
  graph = await startGraphServer(
    (token) => (token === ACCESS_TOKEN ? memberships : null),
    () => (answerStatus === 200 ? null : answerStatus),
  );
  graphUrl = graph.url;
});
afterAll(() => graph.stop());
afterEach(() => {
  delete process.env.ROADBOOK_PROBE_ALLOW;
  answerStatus = 200;
  graph.requests.length = 0;
});

const allowLocal = parseAllowList(["127.0.0.1/32"]).policy;

describe("the groups of an Entra ID user with too many for the token", () => {
  it("reads them from Microsoft Graph's getMemberObjects with the user's access token", async () => {
    memberships = [...MANY_GROUPS, ADMINS_GROUP];
    expect(await fetchEntraGroups(ACCESS_TOKEN, { graphUrl, policy: allowLocal })).toEqual(memberships);
    expect(seen()[0]).toMatchObject({
      method: "POST",
      url: "/v1.0/me/getMemberObjects",
      authorization: `Bearer ${ACCESS_TOKEN}`,
    });
    expect(JSON.parse(seen()[0]?.body ?? "")).toEqual({ securityEnabledOnly: false });
  });

  it("goes through the outbound policy, and fails on Graph's errors rather than guess", async () => {
    const defaultPolicy = parseAllowList([]).policy;
    await expect(fetchEntraGroups(ACCESS_TOKEN, { graphUrl, policy: defaultPolicy })).rejects.toThrow(
      /outbound policy/,
    );
    expect(seen()).toHaveLength(0);
    await expect(fetchEntraGroups("wrong", { graphUrl, policy: allowLocal })).rejects.toThrow(/answered 401/);
    answerStatus = 503;
    await expect(fetchEntraGroups(ACCESS_TOKEN, { graphUrl, policy: allowLocal })).rejects.toThrow(/answered 503/);
  });

  it("signs a user with the overage in with the role their Graph groups map to; refuses when Graph fails", async () => {
    process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
    const config: OidcConfig = {
      issuer: "https://login.microsoftonline.com/tenant/v2.0",
      clientId: "roadbook",
      clientSecret: "x",
      name: "Entra ID",
      rolesClaim: "groups",
      roleMap: parseRoleMap(`${ADMINS_GROUP}=ADMIN`),
      defaultRole: null,
      scopes: "openid email profile",
      trustEmail: false,
      allowedDomains: [],
      graphUrl,
    };
    // The ID token as Entra ID sends it over 200 groups: no `groups`, a pointer to where they are.
    const sub = randomUUID();
    const claims = {
      iss: config.issuer,
      sub,
      email: `entra-${sub}@contoso.test`,
      email_verified: true,
      name: "Avery Admin",
      _claim_names: { groups: "src1" },
      _claim_sources: {
        src1: { endpoint: `https://graph.windows.net/tenant/users/${sub}/getMemberObjects` },
      },
    };
    expect(hasGroupsOverage(claims, "groups")).toBe(true);
    expect(hasGroupsOverage({ groups: [] }, "groups")).toBe(false);

    memberships = [...MANY_GROUPS, ADMINS_GROUP];
    const user = {} as User;
    expect(await completeSsoSignIn(user, claims, config, ACCESS_TOKEN)).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { ssoSubject: `${config.issuer}|${sub}` } });
    expect(row).toMatchObject({ role: "ADMIN", active: true });

    // Graph down: refused, the user as they were (not demoted for want of groups).
    answerStatus = 503;
    expect(await completeSsoSignIn({} as User, claims, config, ACCESS_TOKEN)).toBe(
      "/login?error=sso-groups-unavailable",
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ role: "ADMIN", active: true });

    // Out of the admins group (Graph says so): awaiting a role.
    answerStatus = 200;
    memberships = MANY_GROUPS;
    expect(await completeSsoSignIn({} as User, claims, config, ACCESS_TOKEN)).toBe("/awaiting-role");
    expect(await db.user.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      active: false,
      awaitingRole: true,
    });
  });
});
