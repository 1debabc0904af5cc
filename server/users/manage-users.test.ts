import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

// "The last active admin" is about every admin in the database: this file gets its own.
const own = withOwnDatabase("users");
let users: typeof import("./manage-users");
let auth: typeof import("../auth/current-user");
let errors: typeof import("../errors");

// Before withOwnDatabase drops the database (after-hooks run last-registered first): close the pool.
afterAll(async () => {
  await (await import("../db")).dbPool.end();
});

beforeAll(async () => {
  users = await import("./manage-users");
  auth = await import("../auth/current-user");
  errors = await import("../errors");
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error) => error as InstanceType<typeof errors.DomainError>,
  );

/** The concurrency token of an edit: the user's updatedAt as read. */
const at = (user: { updatedAt: Date }) => user.updatedAt.toISOString();

async function auditCount(action?: string) {
  return own.db().auditEvent.count({ where: action ? { action } : { entity: "User" } });
}

describe("user management", () => {
  it("refuses non-admins, with nothing written", async () => {
    const db = own.db();
    const business = await makeUser(db, { role: "BUSINESS" });
    const other = await makeUser(db, { role: "IT" });
    const before = await db.user.count();
    const events = await auditCount();
    for (const attempt of [
      users.listUsers(business, {}),
      users.createManagedUser(business, { email: "x@example.com", name: "X", role: "ADMIN" }),
      users.updateManagedUser(business, other.id, { role: "ADMIN", updatedAt: at(other) }),
      users.updateManagedUser(business, other.id, { active: false, updatedAt: at(other) }),
      users.updateManagedUser(business, business.id, { role: "ADMIN", updatedAt: at(business) }),
    ]) {
      expect((await failure(attempt)).code).toBe("FORBIDDEN");
    }
    expect(await db.user.count()).toBe(before);
    expect(await auditCount()).toBe(events);
    expect((await db.user.findUniqueOrThrow({ where: { id: business.id } })).role).toBe("BUSINESS");
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).active).toBe(true);
  });

  it("validates with field messages", async () => {
    const admin = await makeUser(own.db(), { role: "ADMIN" });
    const bad = await failure(users.createManagedUser(admin, { email: "not-an-email", name: " ", role: "BOSS" }));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.details.errors).toEqual(
      expect.arrayContaining([
        { path: "email", message: "Enter a valid email address." },
        { path: "name", message: "Give a name." },
        { path: "role", message: "Role must be ADMIN, BUSINESS, DATA_SCIENTIST, IT or RISK." },
      ]),
    );
    const unknown = await failure(users.createManagedUser(admin, { email: "a@b.co", name: "A", role: "IT", x: 1 }));
    expect(unknown.code).toBe("VALIDATION");
    const empty = await failure(users.updateManagedUser(admin, admin.id, { updatedAt: at(admin) }));
    expect(empty.details.errors).toEqual([{ path: "", message: "Change at least one of role, team or active." }]);
    const longTeam = await failure(
      users.updateManagedUser(admin, admin.id, { team: "t".repeat(81), updatedAt: at(admin) }),
    );
    expect(longTeam.details.errors).toEqual([{ path: "team", message: "The team must be at most 80 characters." }]);
    expect((await failure(users.listUsers(admin, { status: "gone" }))).details.errors?.[0]?.path).toBe("status");
  });

  it("creates a user with a one-time first password, lists, filters and counts", async () => {
    const db = own.db();
    const admin = await makeUser(db, { role: "ADMIN" });
    const created = await users.createManagedUser(admin, {
      email: "  Ada.Lovelace@Example.com ",
      name: "Ada Lovelace",
      role: "DATA_SCIENTIST",
      team: "Analytics",
    });
    expect(created).toMatchObject({ email: "ada.lovelace@example.com", role: "DATA_SCIENTIST", team: "Analytics" });
    expect(created.password.length).toBeGreaterThanOrEqual(20);
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: created.id } });
    expect(event.actorId).toBe(admin.id);
    expect(event.after).toEqual({
      email: "ada.lovelace@example.com",
      name: "Ada Lovelace",
      role: "DATA_SCIENTIST",
      team: "Analytics",
      active: true,
    });
    expect(JSON.stringify(event)).not.toContain(created.password);

    const again = await failure(
      users.createManagedUser(admin, { email: "ada.lovelace@example.com", name: "A", role: "IT" }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.details.errors).toEqual([{ path: "email", message: "This email is already in use." }]);

    const byName = await users.listUsers(admin, { q: "lovelace" });
    expect(byName.items.map((u) => u.id)).toEqual([created.id]);
    expect(byName.count).toBe(1);
    expect((await users.listUsers(admin, { q: "EXAMPLE.COM", role: "DATA_SCIENTIST" })).count).toBe(1);
    expect((await users.listUsers(admin, { q: "lovelace", role: "IT" })).count).toBe(0);
    expect((await users.listUsers(admin, { q: "lovelace", status: "deactivated" })).count).toBe(0);
  });

  it("changes role, team and access, audited with before and after, effective on the next request", async () => {
    const db = own.db();
    const admin = await makeUser(db, { role: "ADMIN" });
    const user = await makeUser(db, { role: "DATA_SCIENTIST" });
    expect((await auth.resolveActiveUser(user.id, 0))?.role).toBe("DATA_SCIENTIST");

    const demoted = await users.updateManagedUser(admin, user.id, {
      role: "BUSINESS",
      team: "Finance",
      updatedAt: at(user),
    });
    expect(demoted).toMatchObject({ role: "BUSINESS", team: "Finance" });
    // The same session (same session version) now resolves with the new role: nothing else was bumped.
    expect(await auth.resolveActiveUser(user.id, 0)).toMatchObject({ id: user.id, role: "BUSINESS" });
    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { action: "asc" } });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["user.role", { role: "DATA_SCIENTIST" }, { role: "BUSINESS" }],
      ["user.team", { team: null }, { team: "Finance" }],
    ]);

    // A stale edit (updatedAt as read before the change) is refused with the user as it is now.
    const stale = await failure(
      users.updateManagedUser(admin, user.id, { role: "IT", updatedAt: user.updatedAt.toISOString() }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details.current).toMatchObject({ role: "BUSINESS", updatedAt: demoted.updatedAt });
    const cleared = await users.updateManagedUser(admin, user.id, { team: "", updatedAt: demoted.updatedAt });

    const deactivated = await users.deactivateUser(admin, user.id, cleared.updatedAt);
    expect(await auth.resolveActiveUser(user.id, 0)).toBeNull();
    expect((await users.listUsers(admin, { q: user.email, status: "deactivated" })).count).toBe(1);
    await users.reactivateUser(admin, user.id, deactivated.updatedAt);
    expect(await auth.resolveActiveUser(user.id, 0)).toMatchObject({ role: "BUSINESS" });
    const access = await db.auditEvent.findMany({
      where: { entityId: user.id, action: { in: ["user.deactivate", "user.reactivate"] } },
      orderBy: { at: "asc" },
    });
    expect(access.map((e) => [e.action, e.before, e.after])).toEqual([
      ["user.deactivate", { active: true }, { active: false }],
      ["user.reactivate", { active: false }, { active: true }],
    ]);
    expect((await failure(users.updateManagedUser(admin, "nope", { active: false, updatedAt: at(user) }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("lets in a user awaiting a role by assigning one", async () => {
    const db = own.db();
    const admin = await makeUser(db, { role: "ADMIN" });
    const sso = await db.user.create({
      data: { email: "sso-user@example.com", name: "Sso User", role: "BUSINESS", active: false, awaitingRole: true },
    });
    expect((await users.listUsers(admin, { status: "awaiting" })).items.map((u) => u.id)).toContain(sso.id);
    const refused = await failure(users.updateManagedUser(admin, sso.id, { active: true, updatedAt: at(sso) }));
    expect(refused.details.errors?.[0]?.path).toBe("role");
    const assigned = await users.updateManagedUser(admin, sso.id, { role: "IT", updatedAt: at(sso) });
    expect(assigned).toMatchObject({ role: "IT", active: true, awaitingRole: false, sso: true });
    expect(await auth.resolveActiveUser(sso.id, 0)).toMatchObject({ role: "IT" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: sso.id, action: "user.role" } });
    expect([event.before, event.after]).toEqual([
      { role: "BUSINESS", awaitingRole: true },
      { role: "IT", awaitingRole: false },
    ]);
  });

  it("never leaves the organisation without an active admin, even when two admins demote each other at once", async () => {
    const db = own.db();
    // Only two active admins from here on.
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const a = await makeUser(db, { role: "ADMIN", name: "Admin A" });
    const b = await makeUser(db, { role: "ADMIN", name: "Admin B" });

    const results = await Promise.allSettled([
      users.updateManagedUser(a, b.id, { role: "BUSINESS", updatedAt: at(b) }),
      users.updateManagedUser(b, a.id, { role: "BUSINESS", updatedAt: at(a) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason.code).toBe("CONFLICT");
    expect(rejected.reason.message).toMatch(/last active admin/);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);

    const [last] = await db.user.findMany({ where: { role: "ADMIN", active: true } });
    if (!last) throw new Error("no admin left");
    const events = await auditCount();
    expect((await failure(users.updateManagedUser(last, last.id, { role: "IT", updatedAt: at(last) }))).code).toBe(
      "CONFLICT",
    );
    expect((await failure(users.deactivateUser(last, last.id, at(last)))).code).toBe("CONFLICT");
    expect(
      (await failure(users.updateManagedUser(last, last.id, { role: "IT", active: false, updatedAt: at(last) }))).code,
    ).toBe("CONFLICT");
    expect(await auditCount()).toBe(events);

    // Two admins deactivating each other at once: the same.
    const c = await makeUser(db, { role: "ADMIN", name: "Admin C" });
    const both = await Promise.allSettled([
      users.deactivateUser(last, c.id, at(c)),
      users.deactivateUser(c, last.id, at(last)),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);

    // With another admin, one may step down.
    const d = await makeUser(db, { role: "ADMIN", name: "Admin D" });
    await expect(users.updateManagedUser(d, d.id, { role: "BUSINESS", updatedAt: at(d) })).resolves.toMatchObject({
      role: "BUSINESS",
    });
  });

  it("searches names and emails literally: % and _ are characters, not wildcards", async () => {
    const db = own.db();
    const admin = await makeUser(db, { role: "ADMIN" });
    const tag = Date.now().toString(36);
    const literal = await makeUser(db, { role: "IT", name: `Percent 100%_${tag}` });
    await makeUser(db, { role: "IT", name: `Percent 1000 ${tag}` });
    const found = await users.listUsers(admin, { q: `100%_${tag}` });
    expect(found.items.map((user) => user.id)).toEqual([literal.id]);
    expect((await users.listUsers(admin, { q: `%_${tag}` })).items.map((user) => user.id)).toEqual([literal.id]);
  });
});
