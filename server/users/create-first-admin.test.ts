import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwnDatabase } from "../../scripts/test/own-database";

// First-run setup needs a database with no user at all: this file gets its own.
const own = withOwnDatabase("setup");
let setup: typeof import("./create-first-admin");

// Before withOwnDatabase drops the database (after-hooks run last-registered first): close the
// pool, whose idle connections the drop would otherwise kill under it (an unhandled error).
afterAll(async () => {
  await (await import("../db")).dbPool.end();
});

beforeAll(async () => {
  setup = await import("./create-first-admin");
});

describe("first-run setup", () => {
  it("creates no admin while password sign-in is off: that admin could never sign in", async () => {
    const sso = {
      ROADBOOK_OIDC_ISSUER: "https://idp.example.com",
      ROADBOOK_OIDC_CLIENT_ID: "roadbook",
      ROADBOOK_OIDC_CLIENT_SECRET: "secret",
      ROADBOOK_PASSWORD_LOGIN: "off",
    };
    Object.assign(process.env, sso);
    try {
      await expect(
        setup.createFirstAdmin({ email: "nologin@example.com", name: "No Login", password: "a-long-password-0" }),
      ).rejects.toThrow(/Password sign-in is turned off.*single sign-on/);
      expect(await own.db().user.count()).toBe(0);
      expect(await setup.needsSetup()).toBe(true);
    } finally {
      for (const name of Object.keys(sso)) delete process.env[name];
    }
  });

  it("lets exactly one of two simultaneous visitors create the admin, then closes", async () => {
    expect(await setup.needsSetup()).toBe(true);
    const results = await Promise.allSettled([
      setup.createFirstAdmin({ email: "one@example.com", name: "One", password: "a-long-password-1" }),
      setup.createFirstAdmin({ email: "two@example.com", name: "Two", password: "a-long-password-2" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await own.db().user.findMany({ select: { role: true } })).toEqual([{ role: "ADMIN" }]);
    expect(await setup.needsSetup()).toBe(false);
    await expect(
      setup.createFirstAdmin({ email: "late@example.com", name: "Late", password: "a-long-password-3" }),
    ).rejects.toThrow(/already done/);
  });
});
