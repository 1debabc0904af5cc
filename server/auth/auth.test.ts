import { describe, expect, it } from "vitest";
import { makeUser } from "../../prisma/seed/factories";
import { db } from "../db";
import { resolveActiveUser } from "./current-user";
import { clientIp, LOGIN_MAX_FAILURES, loginRetryAfterSeconds, recordLoginAttempt } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";

describe("sign-in throttle", () => {
  it("locks an account and address after 10 failures within 15 minutes, and says for how long", async () => {
    const email = `throttle-${Date.now()}@test.roadbook`;
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await recordLoginAttempt(email, "10.0.0.1", false);
    expect(await loginRetryAfterSeconds(email, "10.0.0.1")).toBeNull();
    await recordLoginAttempt(email, "10.0.0.1", false);
    const wait = await loginRetryAfterSeconds(email, "10.0.0.1");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // Another address, or the same one 15 minutes later, may try.
    expect(await loginRetryAfterSeconds(email, "10.0.0.2")).toBeNull();
    expect(await loginRetryAfterSeconds(email, "10.0.0.1", new Date(Date.now() + 15 * 60 * 1000 + 1000))).toBeNull();
  });

  it("counts only failures after the last success", async () => {
    const email = `reset-${Date.now()}@test.roadbook`;
    for (let i = 0; i < 5; i++) await recordLoginAttempt(email, "10.0.0.3", false);
    await recordLoginAttempt(email, "10.0.0.3", true);
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await recordLoginAttempt(email, "10.0.0.3", false);
    expect(await loginRetryAfterSeconds(email, "10.0.0.3")).toBeNull();
  });

  it("takes the address the server saw, not one a client wrote into X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "9.9.9.9, 127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});

describe("sessions and passwords", () => {
  it("refuses a deactivated user's session at once, and reflects a role change", async () => {
    const user = await makeUser(db, { role: "DATA_SCIENTIST" });
    expect((await resolveActiveUser(user.id))?.role).toBe("DATA_SCIENTIST");
    await db.user.update({ where: { id: user.id }, data: { role: "IT" } });
    expect((await resolveActiveUser(user.id))?.role).toBe("IT");
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await resolveActiveUser(user.id)).toBeNull();
    expect(await resolveActiveUser("no-such-user")).toBeNull();
  });

  it("refuses a session from before the user's last sign-out (session version)", async () => {
    const user = await makeUser(db, { role: "BUSINESS" });
    expect((await resolveActiveUser(user.id, 0))?.id).toBe(user.id);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolveActiveUser(user.id, 0)).toBeNull();
    expect((await resolveActiveUser(user.id, 1))?.id).toBe(user.id);
  });

  it("hashes with Argon2id and verifies", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "wrong")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });
});
