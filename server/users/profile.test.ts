import { describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { resolveActiveUser } from "../auth/current-user";
import { LOGIN_MAX_FAILURES } from "../auth/login-throttle";
import { verifyPassword } from "../auth/password";
import { db } from "../db";
import type { DomainError } from "../errors";
import { changePassword, getProfile, updateProfile } from "./profile";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error) => error as DomainError,
  );

describe("profile", () => {
  it("keeps the language chosen for dates and amounts, which the user's requests then follow", async () => {
    const user = await makeUser(db, { role: "BUSINESS", name: "Lena Locale" });
    expect(await getProfile(user)).toMatchObject({ locale: null });
    const saved = await updateProfile(user, { name: "Lena Locale", emailNotifications: true, locale: "de-DE" });
    expect(saved.locale).toBe("de-DE");
    expect(await resolveActiveUser(user.id)).toMatchObject({ locale: "de-DE" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.profile" } });
    expect([event.before, event.after]).toEqual([{ locale: null }, { locale: "de-DE" }]);
    // Absent: the choice stays. Null: back to the browser's.
    expect((await updateProfile(user, { name: "Lena L.", emailNotifications: true })).locale).toBe("de-DE");
    expect((await updateProfile(user, { name: "Lena L.", emailNotifications: true, locale: null })).locale).toBeNull();
    // A language not offered is refused with its field, and nothing is written.
    const refused = await failure(updateProfile(user, { name: "Lena X", emailNotifications: true, locale: "xx-XX" }));
    expect(refused.details.errors).toEqual([
      { path: "locale", message: "Choose one of the languages listed, or the browser's." },
    ]);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: "Lena L.",
      locale: null,
    });
  });

  it("edits one's own name and email notifications, audited; the team is read-only here", async () => {
    const user = await makeUser(db, { role: "IT", name: "Grace Hopper", team: "Platform" });
    expect(await getProfile(user)).toMatchObject({ name: "Grace Hopper", team: "Platform", hasPassword: true });
    const saved = await updateProfile(user, { name: "  Grace B. Hopper ", emailNotifications: false });
    expect(saved).toMatchObject({ name: "Grace B. Hopper", emailNotifications: false, team: "Platform" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.profile" } });
    expect([event.actorId, event.before, event.after]).toEqual([
      user.id,
      { name: "Grace Hopper", emailNotifications: true },
      { name: "Grace B. Hopper", emailNotifications: false },
    ]);
    const refused = await failure(updateProfile(user, { name: "", emailNotifications: "yes", team: "Sales" }));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.details.errors).toEqual(
      expect.arrayContaining([
        { path: "name", message: "Give a name." },
        { path: "emailNotifications", message: "Email notifications is on or off." },
      ]),
    );
    // The team is not the user's to set (strict schema: an unknown key).
    expect(refused.details.errors).toContainEqual({ path: "", message: expect.stringContaining("team") });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).team).toBe("Platform");
  });

  it("changes the password: current one verified, strength checked, sessions ended, audited without it", async () => {
    const user = await makeUser(db, { role: "BUSINESS", name: "Ada Lovelace", email: `ada-${Date.now()}@example.com` });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });

    const wrong = await failure(
      changePassword(user, { currentPassword: "not-it", newPassword: "correct-walrus-tangerine-57" }),
    );
    expect(wrong.details.errors).toEqual([{ path: "currentPassword", message: "This is not your current password." }]);

    const weak = await failure(
      changePassword(user, { currentPassword: user.password, newPassword: "aaaaaaaaaaaaaaaa" }),
    );
    expect(weak.details.errors).toEqual([{ path: "newPassword", message: expect.stringMatching(/too easy to guess/) }]);
    const common = await failure(changePassword(user, { currentPassword: user.password, newPassword: "qwerty123456" }));
    expect(common.details.errors).toEqual([
      { path: "newPassword", message: expect.stringMatching(/list of common passwords/) },
    ]);
    const personal = await failure(
      changePassword(user, { currentPassword: user.password, newPassword: "lovelace-walrus-tangerine" }),
    );
    expect(personal.details.errors?.[0]?.path).toBe("newPassword");
    const short = await failure(changePassword(user, { currentPassword: user.password, newPassword: "short" }));
    expect(short.details.errors).toEqual([{ path: "newPassword", message: "Use at least 12 characters." }]);

    const unchanged = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([unchanged.passwordHash, unchanged.sessionVersion]).toEqual([before.passwordHash, before.sessionVersion]);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.password" } })).toBe(0);

    const newPassword = "correct-walrus-tangerine-57";
    expect(await changePassword(user, { currentPassword: user.password, newPassword })).toEqual({
      sessionVersion: before.sessionVersion + 1,
      revokedTokens: 0, // tokens are kept unless asked (revoking them is tested with the tokens)
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await verifyPassword(after.passwordHash, newPassword)).toBe(true);
    expect(await verifyPassword(after.passwordHash, user.password)).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    // Sessions signed in before the change are over; one signed in with the new version works.
    expect(await resolveActiveUser(user.id, before.sessionVersion)).toBeNull();
    expect(await resolveActiveUser(user.id, after.sessionVersion)).toMatchObject({ id: user.id });

    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.password" } });
    expect([event.actorId, event.before, event.after]).toEqual([
      user.id,
      { sessionVersion: before.sessionVersion },
      { passwordChanged: true, sessionVersion: before.sessionVersion + 1 },
    ]);
    const text = JSON.stringify(event);
    for (const secret of [newPassword, user.password, after.passwordHash ?? "?"]) expect(text).not.toContain(secret);

    const same = await failure(changePassword(user, { currentPassword: newPassword, newPassword }));
    expect(same.details.errors?.[0]?.path).toBe("newPassword");
  });

  it("has no password to change for an SSO-only user", async () => {
    const sso = await db.user.create({
      data: { email: `sso-${Date.now()}@example.com`, name: "Sso Only", role: "IT", ssoSubject: `iss|${Date.now()}` },
    });
    expect((await getProfile(sso)).hasPassword).toBe(false);
    const refused = await failure(
      changePassword(sso, { currentPassword: "x", newPassword: "correct-walrus-tangerine-57" }),
    );
    expect(refused.code).toBe("VALIDATION");
    expect(refused.details.errors?.[0]?.path).toBe("currentPassword");
  });

  it("throttles wrong current passwords like failed sign-ins: the eleventh try is refused, even the right one", async () => {
    const user = await makeUser(db, { role: "IT" });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const wrong = await failure(
        changePassword(user, { currentPassword: `guess-${i}`, newPassword: "correct-walrus-tangerine-57" }),
      );
      expect(wrong.code).toBe("VALIDATION");
    }
    const refused = await failure(
      changePassword(user, { currentPassword: user.password, newPassword: "correct-walrus-tangerine-57" }),
    );
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, user.password)).toBe(true);
  });
});
