import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrateDeploy } from "../../scripts/lib/prisma-cli";

// First-run setup needs a database with no user at all: this file gets its own.
const base = inject("databaseUrl");
const name = `setup_${process.pid}_${Date.now()}`;
const url = base.replace(/\/[^/]+$/, `/${name}`);
let setup: typeof import("./create-first-admin");
let db: typeof import("../db").db;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  migrateDeploy(url);
  process.env.DATABASE_URL = url;
  delete (globalThis as { roadbookPrisma?: unknown }).roadbookPrisma;
  setup = await import("./create-first-admin");
  db = (await import("../db")).db;
});

afterAll(async () => {
  await db.$disconnect();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe("first-run setup", () => {
  it("lets exactly one of two simultaneous visitors create the admin, then closes", async () => {
    expect(await setup.needsSetup()).toBe(true);
    const results = await Promise.allSettled([
      setup.createFirstAdmin({ email: "one@example.com", name: "One", password: "a-long-password-1" }),
      setup.createFirstAdmin({ email: "two@example.com", name: "Two", password: "a-long-password-2" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.findMany({ select: { role: true } })).toEqual([{ role: "ADMIN" }]);
    expect(await setup.needsSetup()).toBe(false);
    await expect(
      setup.createFirstAdmin({ email: "late@example.com", name: "Late", password: "a-long-password-3" }),
    ).rejects.toThrow(/already done/);
  });
});
