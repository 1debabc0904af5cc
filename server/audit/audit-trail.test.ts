import { describe, expect, it } from "vitest";
import { makeUseCase, makeUser, signedIn } from "@/prisma/seed/factories";
import { createMyApiToken } from "../auth/my-api-tokens";
import { auditSignIn } from "../auth/sign-in-audit";
import { db } from "../db";
import { DomainError, forbidden } from "../errors";
import { apiRoute, json } from "../http/api-route";
import { updateUseCase } from "../use-cases/update-use-case";
import { listAuditEvents } from "./list-events";
import { withRequestContext } from "./request-context";

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (e) => (e instanceof DomainError ? e.code : Promise.reject(e)),
  );

describe("the audit trail", () => {
  it("gives a use case's events to any reader, the whole trail only to admins, newest first with a cursor", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const it_ = await makeUser(db, { role: "IT" });
    const admin = await makeUser(db, { role: "ADMIN" });
    const row = await makeUseCase(db, { ownerId: owner.id, title: "Audited" });
    const key = `UC-${row.number}`;
    for (let version = 1; version <= 3; version++)
      await updateUseCase(owner, key, { title: `Audited v${version + 1}`, version });

    const page1 = await listAuditEvents(it_, { useCase: key, limit: 2 });
    expect(page1.items.map((e) => e.after)).toEqual([{ title: "Audited v4" }, { title: "Audited v3" }]);
    expect(page1.items[0]).toMatchObject({ action: "use-case.update", useCaseKey: key, actor: { id: owner.id } });
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await listAuditEvents(it_, { useCase: key, limit: 2, cursor: page1.nextCursor ?? "" });
    expect(page2.items.map((e) => e.after)).toEqual([{ title: "Audited v2" }]);
    expect(page2.nextCursor).toBeNull();

    expect(await code(listAuditEvents(it_, {}))).toBe("FORBIDDEN");
    expect(await code(listAuditEvents(it_, { action: "use-case." }))).toBe("FORBIDDEN");
    const all = await listAuditEvents(admin, { actor: owner.id, action: "use-case.update" });
    expect(all.items).toHaveLength(3);
    expect(await code(listAuditEvents(admin, { useCase: "UC-99999999" }))).toBe("NOT_FOUND");
    expect(await code(listAuditEvents(admin, { limit: 500 }))).toBe("VALIDATION");
    expect(await code(listAuditEvents(admin, { colour: "blue" }))).toBe("VALIDATION");
    expect(await code(listAuditEvents(admin, { cursor: "garbage" }))).toBe("VALIDATION");
  });

  it("stamps every event of one request with that request's id, and answers it in x-request-id", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id });
    await withRequestContext(
      () => updateUseCase(owner, `UC-${row.number}`, { title: "Stamped", version: 1 }),
      "req-abcdef12",
    );
    const event = await db.auditEvent.findFirstOrThrow({ where: { useCaseId: row.id, action: "use-case.update" } });
    expect(event.requestId).toBe("req-abcdef12");

    const route = apiRoute(async () => json({ ok: true }));
    const response = await route(
      new Request("http://test/api/v1/x", { headers: { authorization: "Bearer rb_unknown" } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("records refused requests and actions, and sign-ins that succeed, fail or are throttled", async () => {
    const user = await makeUser(db, { role: "BUSINESS" });
    const token = await createMyApiToken(signedIn(user), { name: "refused" });
    const route = apiRoute<{ id: string }>(async () => {
      throw forbidden("Only admins may do that.");
    });
    const refused = await route(
      new Request("http://test/api/v1/webhooks/cmabcdefghijklmnop123", {
        method: "DELETE",
        headers: { authorization: `Bearer ${token.token}` },
      }),
      { params: Promise.resolve({ id: "x" }) },
    );
    expect(refused.status).toBe(403);
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "authz.refused", actorId: user.id } });
    expect(refusal).toMatchObject({
      entity: "Request",
      entityId: "DELETE /api/v1/webhooks/{id}",
      after: { reason: "Only admins may do that." },
    });
    expect(refusal.requestId).toBe(refused.headers.get("x-request-id"));
    await auditSignIn(user.email, "10.1.2.3", "failed");
    await auditSignIn(user.email, "10.1.2.3", "signed-in");
    await auditSignIn("nobody@nowhere.test", "10.1.2.4", "throttled");
    const events = await db.auditEvent.findMany({
      where: { OR: [{ entityId: user.id }, { entityId: "nobody@nowhere.test" }], entity: "User" },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["auth.sign-in-failed", null],
      ["auth.sign-in", user.id],
      ["auth.sign-in-throttled", null],
    ]);
    // (No password reaches auditSignIn; e2e/admin/audit.spec.ts signs in over HTTP and searches the trail for it.)
  });
});
