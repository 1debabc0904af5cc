import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { claimValues, mapRole, type OidcConfig, parseRoleMap, passwordLoginEnabled, readOidcConfig } from "./oidc";
import type { SsoProfile } from "./oidc-provider";
import { resolveSsoUser } from "./sso-sign-in";

const MAP = parseRoleMap("roadbook-admins=ADMIN,ml-team=DATA_SCIENTIST,business=BUSINESS,it-ops=IT");

describe("role mapping", () => {
  it("maps groups to the most privileged role among them (ADMIN > IT > DATA_SCIENTIST > BUSINESS)", () => {
    expect(mapRole(["ml-team"], MAP)).toBe("DATA_SCIENTIST");
    expect(mapRole(["business", "ml-team"], MAP)).toBe("DATA_SCIENTIST");
    expect(mapRole(["ml-team", "it-ops", "business"], MAP)).toBe("IT");
    expect(mapRole(["business", "roadbook-admins", "it-ops"], MAP)).toBe("ADMIN");
    expect(mapRole(["visitors", "ML-TEAM"], MAP)).toBeNull(); // exact, case-sensitive match
    expect(mapRole([], MAP)).toBeNull();
  });

  it("reads the map from group=ROLE pairs or a JSON object, and refuses bad entries", () => {
    expect([...parseRoleMap(" a = admin , b=it,")]).toEqual([
      ["a", "ADMIN"],
      ["b", "IT"],
    ]);
    expect(parseRoleMap('{"cn=ml,ou=groups,dc=example":"DATA_SCIENTIST"}').get("cn=ml,ou=groups,dc=example")).toBe(
      "DATA_SCIENTIST",
    );
    expect(parseRoleMap("cn=ops=IT").get("cn=ops")).toBe("IT"); // splits at the last "="
    expect(parseRoleMap(undefined).size).toBe(0);
    expect(() => parseRoleMap("admins=ROOT")).toThrow(/ROADBOOK_OIDC_ROLE_MAP/);
    expect(() => parseRoleMap("admins")).toThrow(/group=ROLE/);
  });

  it("reads a string or an array claim, by name or dotted path", () => {
    expect(claimValues({ groups: "ml-team" }, "groups")).toEqual(["ml-team"]);
    expect(claimValues({ groups: ["a", 3, "b"] }, "groups")).toEqual(["a", "b"]);
    expect(claimValues({ realm_access: { roles: ["it-ops"] } }, "realm_access.roles")).toEqual(["it-ops"]);
    expect(claimValues({ "https://x.example/roles": ["r"] }, "https://x.example/roles")).toEqual(["r"]);
    expect(claimValues({}, "groups")).toEqual([]);
  });
});

describe("configuration", () => {
  const base = {
    ROADBOOK_OIDC_ISSUER: "https://login.example.com/tenant/v2.0/",
    ROADBOOK_OIDC_CLIENT_ID: "roadbook",
    ROADBOOK_OIDC_CLIENT_SECRET: "s3cret",
  };

  it("is off without an issuer, validated with one, with defaults", () => {
    expect(readOidcConfig({})).toBeNull();
    const config = readOidcConfig(base);
    expect(config).toMatchObject({
      issuer: "https://login.example.com/tenant/v2.0",
      name: "Single sign-on",
      rolesClaim: "groups",
      defaultRole: null,
      scopes: "openid email profile",
      trustEmail: false,
    });
    expect(readOidcConfig({ ...base, ROADBOOK_OIDC_DEFAULT_ROLE: "business" })?.defaultRole).toBe("BUSINESS");
    expect(() => readOidcConfig({ ...base, ROADBOOK_OIDC_CLIENT_SECRET: "" })).toThrow(/CLIENT_SECRET/);
    expect(() => readOidcConfig({ ...base, ROADBOOK_OIDC_DEFAULT_ROLE: "root" })).toThrow(/DEFAULT_ROLE/);
    expect(() => readOidcConfig({ ...base, ROADBOOK_OIDC_ISSUER: "ftp://x" })).toThrow(/ISSUER/);
  });

  it("turns password sign-in off only when single sign-on is configured", () => {
    expect(passwordLoginEnabled({})).toBe(true);
    expect(passwordLoginEnabled({ ROADBOOK_PASSWORD_LOGIN: "off" })).toBe(true);
    expect(passwordLoginEnabled({ ...base, ROADBOOK_PASSWORD_LOGIN: "off" })).toBe(false);
    expect(passwordLoginEnabled({ ...base, ROADBOOK_PASSWORD_LOGIN: "on" })).toBe(true);
    expect(() => passwordLoginEnabled({ ROADBOOK_PASSWORD_LOGIN: "maybe" })).toThrow();
  });
});

const baseEnv = {
  ROADBOOK_OIDC_ISSUER: "https://login.example.com/tenant/v2.0/",
  ROADBOOK_OIDC_CLIENT_ID: "roadbook",
  ROADBOOK_OIDC_CLIENT_SECRET: "s3cret",
};

describe("the user of an SSO sign-in", () => {
  const config: OidcConfig = {
    issuer: "https://idp.test",
    clientId: "roadbook",
    clientSecret: "x",
    name: "SSO",
    rolesClaim: "groups",
    roleMap: MAP,
    defaultRole: null,
    scopes: "openid",
    trustEmail: false,
    allowedDomains: [],
    graphUrl: "https://graph.microsoft.com",
  };
  const profile = (over: Partial<SsoProfile> = {}): SsoProfile => ({
    subject: `https://idp.test|${randomUUID()}`,
    email: `sso-${randomUUID()}@test.roadbook`,
    emailVerified: true,
    name: "Sam SSO",
    groups: [],
    ...over,
  });

  it("creates a user with the mapped role, finds them again by subject, and applies the mapping at each sign-in", async () => {
    const p = profile({ groups: ["ml-team"] });
    const first = await resolveSsoUser(p, config);
    expect(first.kind).toBe("signed-in");
    if (first.kind !== "signed-in") return;
    const created = await db.user.findUniqueOrThrow({ where: { id: first.user.id } });
    expect(created).toMatchObject({ role: "DATA_SCIENTIST", ssoSubject: p.subject, passwordHash: null, active: true });

    // An admin changes the role by hand; the provider's mapping wins at the next sign-in.
    await db.user.update({ where: { id: created.id }, data: { role: "BUSINESS" } });
    const again = await resolveSsoUser({ ...p, email: "changed@test.roadbook" }, config);
    expect(again).toMatchObject({ kind: "signed-in", user: { id: created.id } });
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).role).toBe("DATA_SCIENTIST");

    // Without a role map, a role set by hand stays.
    await db.user.update({ where: { id: created.id }, data: { role: "IT" } });
    await resolveSsoUser({ ...p, groups: ["visitors"] }, { ...config, roleMap: new Map() });
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).role).toBe("IT");
  });

  it("drops a user none of whose groups maps any more to the default role, or to awaiting a role", async () => {
    const p = profile({ groups: ["roadbook-admins"] });
    const first = await resolveSsoUser(p, config);
    if (first.kind !== "signed-in") throw new Error(first.kind);
    expect((await db.user.findUniqueOrThrow({ where: { id: first.user.id } })).role).toBe("ADMIN");

    // Taken out of the admins group, with a default role: the default role.
    expect(await resolveSsoUser({ ...p, groups: ["visitors"] }, { ...config, defaultRole: "BUSINESS" })).toMatchObject({
      kind: "signed-in",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: first.user.id } })).toMatchObject({
      role: "BUSINESS",
      active: true,
    });

    // Without a default role: awaiting a role, no access (an open session ends: the user is inactive).
    await resolveSsoUser(p, config);
    expect(await resolveSsoUser({ ...p, groups: [] }, config)).toMatchObject({ kind: "awaiting-role" });
    expect(await db.user.findUniqueOrThrow({ where: { id: first.user.id } })).toMatchObject({
      active: false,
      awaitingRole: true,
    });
    const event = await db.auditEvent.findFirst({
      where: { entityId: first.user.id, action: "user.updated" },
      orderBy: { at: "desc" },
    });
    expect(event?.after).toMatchObject({ active: false, awaitingRole: true, via: "sso" });
  });

  it("never links an admin account through ROADBOOK_OIDC_TRUST_EMAIL, only on the provider's verified email", async () => {
    const admin = await makeUser(db, { role: "ADMIN" });
    const trusting = { ...config, trustEmail: true };
    const byTrust = await resolveSsoUser(
      profile({ email: admin.email, emailVerified: null, groups: ["ml-team"] }),
      trusting,
    );
    expect(byTrust).toMatchObject({ kind: "refused", reason: "email-taken", userId: admin.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      ssoSubject: null,
      role: "ADMIN",
    });
    const verified = await resolveSsoUser(
      profile({ email: admin.email, emailVerified: true, groups: ["roadbook-admins"] }),
      trusting,
    );
    expect(verified).toMatchObject({ kind: "signed-in", user: { id: admin.id } });
  });

  it("lets in only the allowed domains: the email's, and Google's hd and Entra's tid when sent", async () => {
    const tenant = "8d1f2b8e-0000-4000-8000-00000000abcd";
    const allowing = { ...config, defaultRole: "BUSINESS" as const, allowedDomains: ["example.com", tenant] };
    const at = (domain: string) => `sso-${randomUUID()}@${domain}`;
    expect(await resolveSsoUser(profile({ email: at("elsewhere.test") }), allowing)).toMatchObject({
      kind: "refused",
      reason: "domain-not-allowed",
    });
    expect(await resolveSsoUser(profile({ email: at("Example.COM") }), allowing)).toMatchObject({ kind: "signed-in" });
    expect(
      await resolveSsoUser(profile({ email: at("example.com"), hostedDomain: "gmail.com" }), allowing),
    ).toMatchObject({
      kind: "refused",
      reason: "domain-not-allowed",
    });
    expect(
      await resolveSsoUser(profile({ email: at("example.com"), hostedDomain: "example.com" }), allowing),
    ).toMatchObject({
      kind: "signed-in",
    });
    expect(
      await resolveSsoUser(
        profile({ email: at("example.com"), tenantId: "9188040d-6c67-4c5b-b112-36a304b66dad" }),
        allowing,
      ),
    ).toMatchObject({
      kind: "refused",
      reason: "domain-not-allowed",
    });
    expect(await resolveSsoUser(profile({ email: at("example.com"), tenantId: tenant }), allowing)).toMatchObject({
      kind: "signed-in",
    });
    // An existing user of a domain no longer allowed is refused too, and left as is.
    const outsider = profile({ email: at("elsewhere.test") });
    const created = await resolveSsoUser(outsider, { ...config, defaultRole: "BUSINESS" });
    if (created.kind !== "signed-in") throw new Error(created.kind);
    expect(await resolveSsoUser(outsider, allowing)).toMatchObject({ kind: "refused", reason: "domain-not-allowed" });
    expect(() => readOidcConfig({ ...baseEnv, ROADBOOK_OIDC_ALLOWED_DOMAINS: "example.com, bad domain" })).toThrow(
      /ALLOWED_DOMAINS/,
    );
    expect(
      readOidcConfig({ ...baseEnv, ROADBOOK_OIDC_ALLOWED_DOMAINS: " @Example.com ,x.org" })?.allowedDomains,
    ).toEqual(["example.com", "x.org"]);
  });

  it("links an existing account by verified email, never by an unverified one", async () => {
    const existing = await makeUser(db, { role: "BUSINESS" });
    const unverified = await resolveSsoUser(profile({ email: existing.email, emailVerified: false }), config);
    expect(unverified).toMatchObject({ kind: "refused", reason: "email-taken" });
    const unsaid = await resolveSsoUser(profile({ email: existing.email, emailVerified: null }), config);
    expect(unsaid).toMatchObject({ kind: "refused", reason: "email-taken" });

    const p = profile({ email: existing.email, emailVerified: true, groups: ["it-ops"] });
    const linked = await resolveSsoUser(p, config);
    expect(linked).toMatchObject({ kind: "signed-in", user: { id: existing.id } });
    const row = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(row).toMatchObject({ ssoSubject: p.subject, role: "IT" });
    expect(row.passwordHash).not.toBeNull(); // password sign-in keeps working

    // ROADBOOK_OIDC_TRUST_EMAIL: an email the provider says nothing about is trusted.
    const other = await makeUser(db, { role: "BUSINESS" });
    const trusted = await resolveSsoUser(profile({ email: other.email, emailVerified: null, groups: ["business"] }), {
      ...config,
      trustEmail: true,
    });
    expect(trusted).toMatchObject({ kind: "signed-in", user: { id: other.id } });
  });

  it("keeps an unmapped user waiting for a role (no access), lets them in once a group maps", async () => {
    const p = profile({ groups: ["visitors"] });
    const waiting = await resolveSsoUser(p, config);
    expect(waiting.kind).toBe("awaiting-role");
    const row = await db.user.findUniqueOrThrow({ where: { ssoSubject: p.subject } });
    expect(row).toMatchObject({ awaitingRole: true, active: false });
    expect((await resolveSsoUser(p, config)).kind).toBe("awaiting-role");

    const mapped = await resolveSsoUser({ ...p, groups: ["business"] }, config);
    expect(mapped).toMatchObject({ kind: "signed-in", user: { id: row.id } });
    expect(await db.user.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      role: "BUSINESS",
      active: true,
      awaitingRole: false,
    });
  });

  it("gives the default role to an unmapped new user when one is configured", async () => {
    const outcome = await resolveSsoUser(profile(), { ...config, defaultRole: "BUSINESS" });
    expect(outcome.kind).toBe("signed-in");
    if (outcome.kind !== "signed-in") return;
    expect((await db.user.findUniqueOrThrow({ where: { id: outcome.user.id } })).role).toBe("BUSINESS");
  });

  it("refuses a deactivated user, even with a mapped group", async () => {
    const p = profile({ groups: ["roadbook-admins"] });
    const first = await resolveSsoUser(p, config);
    if (first.kind !== "signed-in") throw new Error(first.kind);
    await db.user.update({ where: { id: first.user.id }, data: { active: false } });
    expect(await resolveSsoUser(p, config)).toMatchObject({ kind: "refused", reason: "deactivated" });
    expect((await db.user.findUniqueOrThrow({ where: { id: first.user.id } })).active).toBe(false);
  });

  it("refuses a new user without an email", async () => {
    expect(await resolveSsoUser(profile({ email: null }), config)).toMatchObject({
      kind: "refused",
      reason: "no-email",
    });
  });
});
