import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/scripts/test/own-database";

// First-run setup needs a database with no user at all: this file gets its own.
const own = withOwnDatabase("setup");
let setup: typeof import("./create-first-admin");
let codes: typeof import("./setup-code");

// Before withOwnDatabase drops the database (after-hooks run last-registered first): close the
// pool, whose idle connections the drop would otherwise kill under it (an unhandled error).
afterAll(async () => {
  await (await import("../db")).dbPool.end();
});

beforeAll(async () => {
  setup = await import("./create-first-admin");
  codes = await import("./setup-code");
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
        setup.createFirstAdmin({
          email: "nologin@example.com",
          name: "No Login",
          password: "orbit-tangerine-walrus-50",
          setupCode: await codes.issueSetupCode(),
        }),
      ).rejects.toThrow(/Password sign-in is turned off.*single sign-on/);
      expect(await own.db().user.count()).toBe(0);
      expect(await setup.needsSetup()).toBe(true);
    } finally {
      for (const name of Object.keys(sso)) delete process.env[name];
    }
  });

  it("needs the setup code and a strong password; a wrong code or a weak password creates no one", async () => {
    const code = await codes.issueSetupCode();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const admin = { email: "first@example.com", name: "First", password: "orbit-tangerine-walrus-51" };
    for (const setupCode of ["", "AAAA-BBBB-CCCC-DDDD", code.slice(0, -1)])
      await expect(setup.createFirstAdmin({ ...admin, setupCode })).rejects.toMatchObject({
        details: { errors: [{ path: "setupCode", message: setup.WRONG_SETUP_CODE }] },
      });
    await expect(setup.createFirstAdmin({ ...admin, password: "password1234", setupCode: code })).rejects.toMatchObject(
      {
        details: { errors: [{ path: "password", message: expect.stringMatching(/common passwords|guess/) }] },
      },
    );
    expect(await own.db().user.count()).toBe(0);
  });

  it("lets exactly one of two simultaneous visitors create the admin, then closes and retires every code", async () => {
    expect(await setup.needsSetup()).toBe(true);
    const setupCode = (await codes.issueSetupCode()).toLowerCase().replaceAll("-", " "); // typed loosely
    const results = await Promise.allSettled([
      setup.createFirstAdmin({
        email: "one@example.com",
        name: "One",
        password: "orbit-tangerine-walrus-52",
        setupCode,
      }),
      setup.createFirstAdmin({
        email: "two@example.com",
        name: "Two",
        password: "orbit-tangerine-walrus-53",
        setupCode,
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await own.db().user.findMany({ select: { role: true } })).toEqual([{ role: "ADMIN" }]);
    expect(await setup.needsSetup()).toBe(false);
    expect(await own.db().setupCode.count()).toBe(0);
    await expect(
      setup.createFirstAdmin({
        email: "late@example.com",
        name: "Late",
        password: "orbit-tangerine-walrus-54",
        setupCode,
      }),
    ).rejects.toThrow(/already done/);
  });
});
