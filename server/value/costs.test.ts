import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";
import type { DomainError } from "../errors";

// The people day rate is an organisation setting: this file has a database of its own.
const own = withOwnDatabase("costs");

const month = (offset: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 7);
};

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (error?.name !== "DomainError") throw new Error(`expected a DomainError, got ${error}`);
  return error as DomainError;
}

async function setup(stage: "POC" | "PRODUCTION" = "POC", currency = "EUR") {
  const db = own.db();
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const row = await makeUseCase(db, {
    ownerId: owner.id,
    stage,
    createdAt: new Date(Date.UTC(2020, 0, 1)),
    ebitda: { low: "100000", base: "120000", high: "150000", currency },
  });
  return { db, owner, row, key: formatKey(row.number) };
}

describe("costs against PostgreSQL", () => {
  it("prices people costs at the settings' day rate, refusing them while no rate is set", async () => {
    const { createCost, listCosts } = await import("./costs");
    const { getOrgSettings, updateOrgSettings } = await import("../settings/org-settings");
    const { db, key, row } = await setup();
    const business = await makeUser(db, { role: "BUSINESS" });
    const admin = await makeUser(db, { role: "ADMIN" });

    const noRate = await failure(createCost(business, key, { period: month(-1), category: "PEOPLE", fteDays: "10" }));
    expect(noRate.code).toBe("CONFLICT");
    expect(noRate.details.errors?.[0]?.path).toBe("fteDays");

    const settings = await updateOrgSettings(admin, {
      peopleDayRate: "650.5",
      version: (await getOrgSettings()).version,
    });
    expect(settings.peopleDayRate).toBe("650.50");
    const people = await createCost(business, key, {
      period: month(-1),
      category: "PEOPLE",
      fteDays: "2.5",
      note: "Two data engineers",
    });
    expect(people).toMatchObject({
      category: "PEOPLE",
      amount: "1626.25",
      fteDays: "2.50",
      dayRate: "650.50",
      currency: "EUR",
      author: { id: business.id },
    });
    // A later rate does not reprice what was recorded.
    await updateOrgSettings(admin, { peopleDayRate: "900", version: settings.version });
    const cloud = await createCost(business, key, { period: month(-1), category: "CLOUD", amount: "1250" });
    expect(cloud).toMatchObject({ amount: "1250.00", fteDays: null, dayRate: null });
    expect((await listCosts(business, key)).map((c) => [c.category, c.amount])).toEqual([
      ["PEOPLE", "1626.25"],
      ["CLOUD", "1250.00"],
    ]);
    expect(await db.auditEvent.count({ where: { action: "cost.create", useCaseId: row.id } })).toBe(2);
  });

  it("refuses a people cost when the use case counts in another currency than the day rate", async () => {
    const { createCost } = await import("./costs");
    const { getOrgSettings, updateOrgSettings } = await import("../settings/org-settings");
    const { db, key } = await setup("POC", "USD");
    await updateOrgSettings(await makeUser(db, { role: "ADMIN" }), {
      peopleDayRate: "800",
      version: (await getOrgSettings()).version,
    });
    const error = await failure(
      createCost(await makeUser(db, { role: "IT" }), key, { period: month(0), category: "PEOPLE", fteDays: "1" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("USD");
  });

  it("refuses a second line for the same (period, category), also when two arrive at once", async () => {
    const { createCost } = await import("./costs");
    const { db, key, row } = await setup();
    const it_ = await makeUser(db, { role: "IT" });
    const input = { period: month(-2), category: "LICENCES", amount: "300" };
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => createCost(it_, key, input)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected"))
      expect((result as PromiseRejectedResult).reason.code).toBe("CONFLICT");
    // Another category, or another month, is a line of its own.
    await createCost(it_, key, { ...input, category: "OTHER" });
    await createCost(it_, key, { ...input, period: month(-3) });
    expect(await db.cost.count({ where: { useCaseId: row.id } })).toBe(3);
  });

  it("validates every field and keeps nothing of a refused line", async () => {
    const { createCost } = await import("./costs");
    const { db, key, row } = await setup();
    const business = await makeUser(db, { role: "BUSINESS" });
    const paths = async (input: unknown) =>
      (await failure(createCost(business, key, input))).details.errors?.map((e) => e.path).sort();
    const valid = { period: month(-1), category: "CLOUD", amount: "10" };
    expect(await paths({ ...valid, amount: "-1" })).toEqual(["amount"]);
    expect(await paths({ ...valid, amount: "0" })).toEqual(["amount"]);
    expect(await paths({ ...valid, amount: "10.001" })).toEqual(["amount"]);
    expect(await paths({ ...valid, amount: "1000000000000.01" })).toEqual(["amount"]);
    expect(await paths({ ...valid, amount: 10 })).toEqual(["amount"]);
    expect(await paths({ period: valid.period, category: "CLOUD" })).toEqual(["amount"]);
    expect(await paths({ ...valid, fteDays: "3" })).toEqual(["fteDays"]);
    expect(await paths({ period: valid.period, category: "PEOPLE", amount: "10" })).toEqual(["amount", "fteDays"]);
    expect(await paths({ period: valid.period, category: "PEOPLE", fteDays: "0" })).toEqual(["fteDays"]);
    expect(await paths({ ...valid, category: "TRAVEL" })).toEqual(["category"]);
    expect(await paths({ ...valid, period: "2026-13" })).toEqual(["period"]);
    expect(await paths({ ...valid, period: month(1) })).toEqual(["period"]);
    expect(await paths({ ...valid, period: "2019-12" })).toEqual(["period"]);
    expect(await paths({ ...valid, colour: "blue" })).toEqual([""]);
    expect(await db.cost.count({ where: { useCaseId: row.id } })).toBe(0);
  });

  it("lets business and IT record on any use case, the owner on theirs, and nobody else", async () => {
    const { createCost } = await import("./costs");
    const { db, key, owner, row } = await setup();
    const line = (category: string) => ({ period: month(-1), category, amount: "5" });
    await createCost(owner, key, line("CLOUD"));
    await createCost(await makeUser(db, { role: "BUSINESS" }), key, line("LICENCES"));
    await createCost(await makeUser(db, { role: "IT" }), key, line("OTHER"));
    for (const role of ["DATA_SCIENTIST", "ADMIN"] as const) {
      const stranger = await makeUser(db, { role });
      expect((await failure(createCost(stranger, key, { ...line("CLOUD"), period: month(-2) }))).code).toBe(
        "FORBIDDEN",
      );
    }
    expect(await db.cost.count({ where: { useCaseId: row.id } })).toBe(3);
    expect((await failure(createCost(owner, "UC-999999", line("CLOUD")))).code).toBe("NOT_FOUND");
  });

  it("gives the value case its cost to date, net realised value, realised ROI and break-even", async () => {
    const { createCost } = await import("./costs");
    const { createActual } = await import("./actuals");
    const { createEstimate } = await import("./estimates");
    const { getValueCase } = await import("./value-case");
    const { db, key, owner, row } = await setup("PRODUCTION");
    await db.useCase.update({ where: { id: row.id }, data: { stageEnteredAt: new Date(`${month(-2)}-01T00:00:00Z`) } });
    await createEstimate(owner, key, {
      ebitdaLow: "100000",
      ebitdaBase: "120000",
      ebitdaHigh: "150000",
      investment: "20000",
      runCostPerYear: "0",
      horizonYears: 3,
      currency: "EUR",
    });
    await createCost(owner, key, { period: month(-3), category: "OTHER", amount: "20000" });
    await createCost(owner, key, { period: month(-2), category: "CLOUD", amount: "1000" });
    await createActual(owner, key, { period: month(-2), ebitda: "10000" });
    await createActual(owner, key, { period: month(-1), ebitda: "11000.01" });
    const value = await getValueCase(owner, key);
    expect(value.canRecordCost).toBe(true);
    expect(value.net).toMatchObject({
      costToDate: "21000.00",
      realisedToDate: "21000.01",
      netRealised: "0.01",
      realisedRoi: "0.0000",
      breakEvenPeriod: month(-1),
      monthsToBreakEven: 2,
      estimatedPaybackMonths: "2.0",
      pastBreakEven: true,
    });
    const viewer = await makeUser(db, { role: "DATA_SCIENTIST" });
    expect((await getValueCase(viewer, key)).canRecordCost).toBe(false);
  });
});
