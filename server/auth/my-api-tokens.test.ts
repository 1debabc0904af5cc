import { afterEach, describe, expect, it } from "vitest";
import { makeUser } from "../../prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { apiRoute, json } from "../http/api-route";
import { createMyApiToken, listMyApiTokens, revokeMyApiToken } from "./my-api-tokens";
import { actorFromRequest } from "./request-actor";

const bearer = (token: string) =>
  new Request("http://test/api/v1/x", { headers: { authorization: `Bearer ${token}` } });
const noParams = { params: Promise.resolve({}) };

afterEach(() => {
  delete process.env.ROADBOOK_API_RATE_LIMIT;
});

describe("API tokens managed by their user", () => {
  it("creates a token shown once, acting with the user's role; lists it without secret; revokes it at once", async () => {
    const user = await makeUser(db, { role: "IT" });
    const created = await createMyApiToken(user, { name: "Jenkins deploy" });
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
    const created = await createMyApiToken(owner, { name: "Mine" });
    const error = await revokeMyApiToken(other, created.id).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("NOT_FOUND");
    expect((await actorFromRequest(bearer(created.token)))?.id).toBe(owner.id);

    const before = await db.apiToken.count({ where: { userId: owner.id } });
    const invalid = await createMyApiToken(owner, { name: "  " }).catch((e) => e);
    expect(invalid.code).toBe("VALIDATION");
    expect(invalid.details.errors[0].path).toBe("name");
    const extra = await createMyApiToken(owner, { name: "x", scope: "admin" }).catch((e) => e);
    expect(extra.code).toBe("VALIDATION");
    expect(await db.apiToken.count({ where: { userId: owner.id } })).toBe(before);
  });

  it("answers 429 with Retry-After when one token goes over its rate, and counts tokens apart", async () => {
    process.env.ROADBOOK_API_RATE_LIMIT = "3";
    const user = await makeUser(db, { role: "BUSINESS" });
    const a = await createMyApiToken(user, { name: "A" });
    const b = await createMyApiToken(user, { name: "B" });
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
