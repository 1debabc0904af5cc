import { describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { resolveActiveUser } from "./current-user";
import { ACCOUNT_MAX_FAILURES, beginLoginAttempt, finishLoginAttempt, LOGIN_MAX_FAILURES } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";

/** `count` failed attempts for (email, ip) at `at`, each registered then finished as failed. */
async function fail(email: string, ip: string, count: number, at = new Date()) {
  let last: Awaited<ReturnType<typeof finishLoginAttempt>> = { accountLockedUntil: null };
  for (let i = 0; i < count; i++) {
    const attempt = await beginLoginAttempt(email, ip, at);
    if (!attempt.ok) throw new Error(`attempt ${i + 1} refused: ${JSON.stringify(attempt)}`);
    last = await finishLoginAttempt(attempt.attemptId, false, at);
  }
  return last;
}

describe("sign-in throttle", () => {
  it("refuses the 11th failure for an account from one address within 15 minutes, says for how long, and keeps no row for it", async () => {
    const email = `throttle-${Date.now()}@test.roadbook`;
    await fail(email, "10.0.0.1", LOGIN_MAX_FAILURES);
    const refused = await beginLoginAttempt(email, "10.0.0.1");
    expect(refused).toMatchObject({ ok: false, scope: "address" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await db.loginAttempt.count({ where: { email } })).toBe(LOGIN_MAX_FAILURES);
    // Another address, or the same one 15 minutes later, may try.
    expect((await beginLoginAttempt(email, "10.0.0.2")).ok).toBe(true);
    expect((await beginLoginAttempt(email, "10.0.0.1", new Date(Date.now() + 15 * 60 * 1000 + 1000))).ok).toBe(true);
  });

  it("counts only failures after the last success", async () => {
    const email = `reset-${Date.now()}@test.roadbook`;
    await fail(email, "10.0.0.3", 5);
    const success = await beginLoginAttempt(email, "10.0.0.3");
    if (!success.ok) throw new Error("refused");
    await finishLoginAttempt(success.attemptId, true);
    await fail(email, "10.0.0.3", LOGIN_MAX_FAILURES - 1);
    expect((await beginLoginAttempt(email, "10.0.0.3")).ok).toBe(true);
  });

  it("lets no more than the limit through when the guesses arrive at the same moment", async () => {
    const email = `parallel-${Date.now()}@test.roadbook`;
    const attempts = await Promise.all(
      Array.from({ length: 3 * LOGIN_MAX_FAILURES }, () => beginLoginAttempt(email, "10.0.0.4")),
    );
    // (Checking first and recording after let all 30 through: none had been recorded yet.)
    const passed = attempts.filter((attempt) => attempt.ok).length;
    expect(passed).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(await db.loginAttempt.count({ where: { email } })).toBe(passed); // the refused left no row
  });

  it("locks the account from every address after 20 failures, doubling the lock each time, and says when it begins", async () => {
    const email = `account-${Date.now()}@test.roadbook`;
    const t0 = new Date();
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
    // 20 failures, each from a new address: no address reaches its own limit.
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++)
      expect(await fail(email, `10.1.0.${i}`, 1, t0)).toEqual({ accountLockedUntil: null });
    const first = await fail(email, "10.1.0.99", 1, t0);
    expect(first.accountLockedUntil?.getTime()).toBe(minutes(15).getTime());
    const locked = await beginLoginAttempt(email, "10.2.0.1", minutes(1));
    expect(locked).toMatchObject({ ok: false, scope: "account" });
    if (locked.ok) throw new Error("unreachable");
    expect(locked.retryAfterSeconds).toBe(14 * 60);
    // After the lock, 20 more failures lock it for 30 minutes.
    expect((await beginLoginAttempt(email, "10.2.0.1", minutes(16))).ok).toBe(true);
    await db.loginAttempt.deleteMany({ where: { email, ip: "10.2.0.1" } });
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++) await fail(email, `10.3.0.${i}`, 1, minutes(16));
    expect((await fail(email, "10.3.0.99", 1, minutes(16))).accountLockedUntil?.getTime()).toBe(minutes(46).getTime());
    expect(await beginLoginAttempt(email, "10.4.0.1", minutes(45))).toMatchObject({ ok: false, scope: "account" });
    expect((await beginLoginAttempt(email, "10.4.0.1", minutes(47))).ok).toBe(true);
  });

  it("prunes attempts older than 30 days", async () => {
    const email = `old-${Date.now()}@test.roadbook`;
    const now = new Date(Date.now() + 2 * 60 * 60 * 1000); // past this process's hourly prune
    await db.loginAttempt.create({
      data: { email, ip: "10.0.0.5", succeeded: false, at: new Date(now.getTime() - 31 * 24 * 60 * 60 * 1000) },
    });
    await db.loginAttempt.create({
      data: { email, ip: "10.0.0.5", succeeded: false, at: new Date(now.getTime() - 29 * 24 * 60 * 60 * 1000) },
    });
    await fail(email, "10.0.0.6", 1, now);
    expect(await db.loginAttempt.count({ where: { email } })).toBe(2);
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
