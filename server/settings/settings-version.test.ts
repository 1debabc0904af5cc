import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

// The settings are one row: this file gets a database of its own, so versions are its alone.
const own = withOwnDatabase("settings");
let settings: typeof import("./org-settings");
let scheduler: typeof import("../services/probe-scheduler");

afterAll(async () => {
  await (await import("../db")).dbPool.end();
});

beforeAll(async () => {
  settings = await import("./org-settings");
  scheduler = await import("../services/probe-scheduler");
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error) => error as import("../errors").DomainError,
  );

describe("organisation settings: probe interval and versions", () => {
  it("defaults the probe interval to the env until an admin saves one; 0 in the env still turns rounds off", async () => {
    const saved = process.env.ROADBOOK_PROBE_INTERVAL_MINUTES;
    try {
      process.env.ROADBOOK_PROBE_INTERVAL_MINUTES = "7";
      expect(await own.db().orgSettings.count()).toBe(0);
      expect(await settings.getOrgSettings()).toMatchObject({ probeIntervalMinutes: 7, version: 1 });
      expect((await scheduler.probeSchedule()).intervalMinutes).toBe(7);
      process.env.ROADBOOK_PROBE_INTERVAL_MINUTES = "0";
      expect((await scheduler.probeSchedule()).intervalMinutes).toBe(0);
      // One rule for the interval: a value that is not 0–1440 stops the start instead of becoming 5.
      process.env.ROADBOOK_PROBE_INTERVAL_MINUTES = "nonsense";
      await expect(scheduler.probeSchedule()).rejects.toThrow(
        'ROADBOOK_PROBE_INTERVAL_MINUTES="nonsense" is invalid; expected a whole number of minutes from 0 to 1440',
      );
    } finally {
      if (saved === undefined) delete process.env.ROADBOOK_PROBE_INTERVAL_MINUTES;
      else process.env.ROADBOOK_PROBE_INTERVAL_MINUTES = saved;
    }
  });

  it("validates the probe interval (1–1440 minutes) with a field message", async () => {
    const admin = await makeUser(own.db(), { role: "ADMIN" });
    const message = "The probe interval is a whole number of minutes from 1 to 1440.";
    for (const probeIntervalMinutes of [0, 1441, 2.5, "5", null]) {
      const refused = await failure(settings.updateOrgSettings(admin, { probeIntervalMinutes, version: 1 }));
      expect(refused.code).toBe("VALIDATION");
      expect(refused.details.errors).toEqual([{ path: "probeIntervalMinutes", message }]);
    }
    const business = await makeUser(own.db(), { role: "BUSINESS" });
    expect((await failure(settings.updateOrgSettings(business, { probeIntervalMinutes: 10, version: 1 }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await own.db().orgSettings.count()).toBe(0);
    expect(await own.db().auditEvent.count({ where: { action: "settings.update" } })).toBe(0);
  });

  it("takes a new probe interval into the next round, without a restart", async () => {
    const admin = await makeUser(own.db(), { role: "ADMIN" });
    const before = await settings.getOrgSettings();
    const saved = await settings.updateOrgSettings(admin, { probeIntervalMinutes: 42, version: before.version });
    expect(saved).toMatchObject({ probeIntervalMinutes: 42, version: before.version + 1 });
    expect((await scheduler.probeSchedule()).intervalMinutes).toBe(42);

    // A round uses it: a service checked 30 minutes ago is not due at 42 minutes, is at 20.
    const owner = await makeUser(own.db(), { role: "DATA_SCIENTIST" });
    const useCase = await makeUseCase(own.db(), { ownerId: owner.id });
    const service = await own.db().service.create({
      data: {
        useCaseId: useCase.id,
        name: "Dashboard",
        kind: "GRAFANA",
        environment: "DEV",
        url: "http://127.0.0.1:9/health",
        checkedAt: new Date(Date.now() - 30 * 60_000),
      },
    });
    expect(await scheduler.runDueProbes(new Date(), [service.id])).toBe(0);
    await settings.updateOrgSettings(admin, {
      probeIntervalMinutes: 20,
      version: (await settings.getOrgSettings()).version,
    });
    expect((await scheduler.probeSchedule()).intervalMinutes).toBe(20);
    expect(await scheduler.runDueProbes(new Date(), [service.id])).toBe(1);

    const event = await own.db().auditEvent.findFirstOrThrow({
      where: { action: "settings.update", actorId: admin.id },
      orderBy: { at: "asc" },
    });
    expect([event.before, event.after]).toEqual([
      { probeIntervalMinutes: before.probeIntervalMinutes },
      { probeIntervalMinutes: 42 },
    ]);
  });

  it("refuses a stale save with the settings as they are now, and writes nothing", async () => {
    const admin = await makeUser(own.db(), { role: "ADMIN" });
    const other = await makeUser(own.db(), { role: "ADMIN" });
    const read = await settings.getOrgSettings();
    const first = await settings.updateOrgSettings(other, { stalledDays: 45, version: read.version });
    const events = await own.db().auditEvent.count({ where: { action: "settings.update" } });
    const stale = await failure(settings.updateOrgSettings(admin, { currency: "USD", version: read.version }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details.current).toEqual(first);
    expect(await settings.getOrgSettings()).toEqual(first);
    expect(await own.db().auditEvent.count({ where: { action: "settings.update" } })).toBe(events);

    // Two saves from one version at once: one wins, the other is told.
    const results = await Promise.allSettled([
      settings.updateOrgSettings(admin, { currency: "USD", version: first.version }),
      settings.updateOrgSettings(other, { currency: "GBP", version: first.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe("CONFLICT");
    // A save that changes nothing writes nothing (and bumps no version).
    const now = await settings.getOrgSettings();
    expect(await settings.updateOrgSettings(admin, { currency: now.currency, version: now.version })).toEqual(now);
    expect((await settings.getOrgSettings()).version).toBe(now.version);
  });
});
