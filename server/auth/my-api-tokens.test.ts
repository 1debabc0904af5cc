import { afterEach, describe, expect, it } from "vitest";
import { makeUser, signedIn } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { apiRoute, json } from "../http/api-route";
import { signOutEverywhere } from "../users/profile";
import { createApiToken, hashToken } from "./api-tokens";
import { createMyApiToken, listMyApiTokens, revokeMyApiToken } from "./my-api-tokens";
import { actorFromRequest } from "./request-actor";
import { listUserApiTokens, revokeUserApiToken } from "./user-api-tokens";

const bearer = (token: string) =>
  new Request("http://test/api/v1/x", { headers: { authorization: `Bearer ${token}` } });
const noParams = { params: Promise.resolve({}) };

afterEach(() => {
  delete process.env.ROADBOOK_API_RATE_LIMIT;
});

describe("API tokens managed by their user", () => {
  it("creates a token shown once, acting with the user's role; lists it without secret; revokes it at once", async () => {
    const user = await makeUser(db, { role: "IT" });
    const created = await createMyApiToken(signedIn(user), { name: "Jenkins deploy" });
    expect(created.token).toMatch(/^rb_[\w-]{43}$/);
    expect((await actorFromRequest(bearer(created.token)))?.id).toBe(user.id);
    expect((await actorFromRequest(bearer(created.token)))?.role).toBe("IT");

    const listed = await listMyApiTokens(user);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: "Jenkins deploy", prefix: created.token.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(10));
    expect(Object.keys(listed[0] ?? {})).not.toContain("tokenHash");
    // The first use is recorded.
    expect((await listMyApiTokens(user))[0]?.lastUsedAt).not.toBeNull();

    await revokeMyApiToken(user, created.id);
    expect(await actorFromRequest(bearer(created.token))).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { entity: "ApiToken", entityId: created.id },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["api-token.create", "api-token.revoke"]);
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it("refuses another user's token (404, nothing changed) and a nameless token (422 on name)", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const other = await makeUser(db, { role: "ADMIN" });
    const created = await createMyApiToken(signedIn(owner), { name: "Mine" });
    const error = await revokeMyApiToken(other, created.id).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("NOT_FOUND");
    expect((await actorFromRequest(bearer(created.token)))?.id).toBe(owner.id);

    const before = await db.apiToken.count({ where: { userId: owner.id } });
    const invalid = await createMyApiToken(signedIn(owner), { name: "  " }).catch((e) => e);
    expect(invalid.code).toBe("VALIDATION");
    expect(invalid.details.errors[0].path).toBe("name");
    const extra = await createMyApiToken(signedIn(owner), { name: "x", scope: "admin" }).catch((e) => e);
    expect(extra.code).toBe("VALIDATION");
    expect(await db.apiToken.count({ where: { userId: owner.id } })).toBe(before);
  });

  it("answers 429 with Retry-After when one token goes over its rate, and counts tokens apart", async () => {
    process.env.ROADBOOK_API_RATE_LIMIT = "3";
    const user = await makeUser(db, { role: "BUSINESS" });
    const a = await createMyApiToken(signedIn(user), { name: "A" });
    const b = await createMyApiToken(signedIn(user), { name: "B" });
    const route = apiRoute(async () => json({ ok: true }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await route(bearer(a.token), noParams)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await route(bearer(a.token), noParams);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect((await route(bearer(b.token), noParams)).status).toBe(200);
  });
});

const withHeader = (authorization: string, method = "GET") =>
  new Request("http://test/api/v1/x", { method, headers: { authorization } });
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe("API tokens do not outlive their purpose", () => {
  it("expire: 90 days by default, chosen at creation up to 365; an expired token is no credential (401)", async () => {
    const user = await makeUser(db, { role: "IT" });
    const standard = await createMyApiToken(signedIn(user), { name: "Default" });
    expect(standard.scope).toBe("read-write");
    expect(days(standard.createdAt, standard.expiresAt)).toBe(90);
    const year = await createMyApiToken(signedIn(user), { name: "Year", expiresInDays: 365 });
    expect(days(year.createdAt, year.expiresAt)).toBe(365);
    for (const expiresInDays of [0, 366, 1.5, "30"]) {
      const refused = await createMyApiToken(signedIn(user), { name: "Too long", expiresInDays }).catch((e) => e);
      expect(refused.code, String(expiresInDays)).toBe("VALIDATION");
      expect(refused.details.errors[0].path).toBe("expiresInDays");
    }

    const route = apiRoute(async () => json({ ok: true }));
    expect((await route(bearer(standard.token), noParams)).status).toBe(200);
    await db.apiToken.update({ where: { id: standard.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorFromRequest(bearer(standard.token))).toBeNull();
    const expired = await route(bearer(standard.token), noParams);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("content-type")).toBe("application/problem+json");
  });

  it("a read-only token reads but may not write (403 problem); a read-write one may", async () => {
    const user = await makeUser(db, { role: "DATA_SCIENTIST" });
    const reader = await createMyApiToken(signedIn(user), { name: "Reader", scope: "read-only" });
    const writer = await createMyApiToken(signedIn(user), { name: "Writer", scope: "read-write" });
    let ran = 0;
    const route = apiRoute(async () => {
      ran++;
      return json({ ok: true });
    });
    expect((await route(withHeader(`Bearer ${reader.token}`), noParams)).status).toBe(200);
    for (const method of ["POST", "PATCH", "PUT", "DELETE"]) {
      const refused = await route(withHeader(`Bearer ${reader.token}`, method), noParams);
      expect(refused.status, method).toBe(403);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/read-only/);
    }
    expect(ran).toBe(1);
    expect((await route(withHeader(`Bearer ${writer.token}`, "POST"), noParams)).status).toBe(200);
  });

  it("only a browser session signed in within 15 minutes may create a token: not a token, not an old session", async () => {
    const user = await makeUser(db, { role: "BUSINESS" });
    const { token } = await createMyApiToken(signedIn(user, 14), { name: "Fresh enough" });
    const asToken = await actorFromRequest(bearer(token));
    expect(asToken?.credential).toMatchObject({ kind: "token" });
    const before = await db.apiToken.count({ where: { userId: user.id } });
    for (const actor of [
      asToken ?? user,
      signedIn(user, 16),
      { ...user, credential: { kind: "session" as const, authenticatedAt: null } },
      user,
    ]) {
      const refused = await createMyApiToken(actor, { name: "Minted" }).catch((e) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused.code).toBe("FORBIDDEN");
    }
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(before);
  });

  it("keys the rate limit by the token, however the Authorization header is spelt", async () => {
    process.env.ROADBOOK_API_RATE_LIMIT = "3";
    const user = await makeUser(db, { role: "BUSINESS" });
    const { token } = await createMyApiToken(signedIn(user), { name: "Spelt" });
    const route = apiRoute(async () => json({ ok: true }));
    const statuses = [];
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER    ${token}`, ` Bearer ${token} `])
      statuses.push((await route(withHeader(header), noParams)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("sign out everywhere revokes every token of the user when asked, and only then", async () => {
    const user = await makeUser(db, { role: "IT" });
    const kept = await createMyApiToken(signedIn(user), { name: "Kept" });
    await signOutEverywhere(user, {});
    expect((await actorFromRequest(bearer(kept.token)))?.id).toBe(user.id);
    const other = await makeUser(db, { role: "IT" });
    const othersToken = await createMyApiToken(signedIn(other), { name: "Other's" });
    expect(await signOutEverywhere(user, { revokeTokens: true })).toEqual({ revokedTokens: 1 });
    expect(await actorFromRequest(bearer(kept.token))).toBeNull();
    expect((await actorFromRequest(bearer(othersToken.token)))?.id).toBe(other.id);
    const event = await db.auditEvent.findFirst({ where: { action: "api-token.revoke-all", entityId: user.id } });
    expect(event?.after).toMatchObject({ revoked: 1, reason: "sign out everywhere" });
    const invalid = await signOutEverywhere(user, { revokeTokens: "yes" }).catch((e) => e);
    expect(invalid.code).toBe("VALIDATION");
  });

  it("an admin lists and revokes any user's tokens; other roles may not", async () => {
    const admin = await makeUser(db, { role: "ADMIN" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const created = await createMyApiToken(signedIn(owner), { name: "Laptop" });
    const { items } = await listUserApiTokens(admin, owner.id);
    expect(items.map((t) => t.name)).toEqual(["Laptop"]);
    for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT"] as const) {
      const someone = await makeUser(db, { role });
      expect((await listUserApiTokens(someone, owner.id).catch((e) => e)).code).toBe("FORBIDDEN");
      expect((await revokeUserApiToken(someone, owner.id, created.id).catch((e) => e)).code).toBe("FORBIDDEN");
    }
    expect((await revokeUserApiToken(admin, admin.id, created.id).catch((e) => e)).code).toBe("NOT_FOUND");
    expect((await revokeUserApiToken(admin, owner.id, created.id)).revokedAt).not.toBeNull();
    expect(await actorFromRequest(bearer(created.token))).toBeNull();
  });

  it("the CLI's token:create makes read-write 90-day tokens unless told, and refuses a bad scope or lifetime", async () => {
    const user = await makeUser(db, { role: "IT" });
    const plain = await createApiToken(db, user.email, "Jenkins");
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(plain) } });
    expect(row.scope).toBe("READ_WRITE");
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(90);
    const reader = await createApiToken(db, user.email, "Airflow", { scope: "read-only", expiresInDays: 7 });
    const readerRow = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(reader) } });
    expect(readerRow.scope).toBe("READ_ONLY");
    expect(Math.round((readerRow.expiresAt.getTime() - readerRow.createdAt.getTime()) / 86_400_000)).toBe(7);
    await expect(createApiToken(db, user.email, "x", { scope: "admin" })).rejects.toThrow(/read-only or read-write/);
    await expect(createApiToken(db, user.email, "x", { expiresInDays: 400 })).rejects.toThrow(/1 to 365/);
    await expect(createApiToken(db, user.email, "x", { expiresInDays: Number.NaN })).rejects.toThrow(/1 to 365/);
  });
});
