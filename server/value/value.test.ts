import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { decideGate } from "../gates/decide-gate";
import { requestGateReview } from "../gates/request-gate-review";
import { getUseCase } from "../use-cases/get-use-case";
import { createActual, listActuals } from "./actuals";
import { createEstimate, listEstimates } from "./estimates";
import { getValueCase } from "./value-case";

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

const estimate = {
  ebitdaLow: "400000",
  ebitdaBase: "600000",
  ebitdaHigh: "900000",
  investment: "300000",
  runCostPerYear: "100000",
  horizonYears: 3,
  currency: "EUR",
  assumptions: "Uplift measured in the POC",
};

const month = (offset: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 7);
};

describe("the value case against PostgreSQL", () => {
  it("keeps every revision; the newest becomes the use case's estimate, with its figures", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id, stage: "PROTOTYPE" });
    const key = formatKey(row.number);
    const first = await createEstimate(owner, key, estimate);
    expect(first).toMatchObject({
      stage: "PROTOTYPE",
      author: { id: owner.id },
      confidence: "MEDIUM",
      netAnnual: { low: "300000.00", base: "500000.00", high: "800000.00" },
      roi: { low: "2.0000", base: "4.0000", high: "7.0000" },
      paybackMonths: { low: "12.0", base: "7.2", high: "4.5" },
    });
    await createEstimate(owner, key, { ...estimate, ebitdaBase: "650000", confidence: "HIGH" });
    const history = await listEstimates(owner, key);
    expect(history.map((e) => e.ebitdaBase)).toEqual(["650000.00", "600000.00"]);
    expect(await getUseCase(owner, key)).toMatchObject({
      ebitda: { low: "400000.00", base: "650000.00", high: "900000.00", currency: "EUR" },
      version: row.version + 2,
    });
    expect(await db.auditEvent.count({ where: { action: "estimate.create", actorId: owner.id } })).toBe(2);
  });

  it("refuses bad figures field by field and saves nothing; only owner, sponsor or admin revise", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id });
    const key = formatKey(row.number);
    const paths = async (input: unknown) =>
      (await failure(createEstimate(owner, key, input))).details.errors?.map((e) => e.path).sort();
    expect(await paths({ ...estimate, ebitdaLow: "700000" })).toEqual(["ebitdaLow"]);
    expect(await paths({ ...estimate, ebitdaHigh: "500000" })).toEqual(["ebitdaHigh"]);
    expect(await paths({ ...estimate, investment: "0" })).toEqual(["investment"]);
    expect(await paths({ ...estimate, runCostPerYear: "-1" })).toEqual(["runCostPerYear"]);
    expect(await paths({ ...estimate, horizonYears: 11 })).toEqual(["horizonYears"]);
    expect(await paths({ ...estimate, ebitdaHigh: "1000000000000.01" })).toEqual(["ebitdaHigh"]);
    expect(await paths({ ...estimate, ebitdaBase: "600000.123" })).toEqual(["ebitdaBase"]);
    expect(await paths({ ...estimate, currency: "euro" })).toEqual(["currency"]);
    expect(await paths({ ...estimate, colour: "blue" })).toEqual([""]);
    expect(await db.estimateRevision.count({ where: { useCaseId: row.id } })).toBe(0);
    const it_ = await makeUser(db, { role: "IT" });
    const stranger = await makeUser(db, { role: "BUSINESS" });
    expect((await failure(createEstimate(it_, key, estimate))).code).toBe("FORBIDDEN");
    expect((await failure(createEstimate(stranger, key, estimate))).code).toBe("FORBIDDEN");
  });

  it("keeps the estimate each gate was decided on, and shows the drift to today", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const business = await makeUser(db, { role: "BUSINESS" });
    const row = await makeUseCase(db, {
      ownerId: owner.id,
      output: "o",
      outcome: "o",
      pocResult: "p",
      benefitArea: "COST_REDUCTION",
      ebitda: { low: "1", base: "2", high: "3" },
    });
    const key = formatKey(row.number);
    await createEstimate(owner, key, estimate);
    const review = await requestGateReview(owner, key, {});
    const decided = await decideGate(business, review.id, { decision: "GO", rationale: "ok" });
    expect(decided.estimateSnapshot).toMatchObject({
      ebitda: { low: "400000.00", base: "600000.00", high: "900000.00" },
      revision: { investment: "300000.00", runCostPerYear: "100000.00", horizonYears: 3 },
    });
    await createEstimate(owner, key, { ...estimate, ebitdaLow: "200000", ebitdaBase: "350000", ebitdaHigh: "500000" });
    const value = await getValueCase(owner, key);
    expect(value.drift.map((p) => [p.label, p.base])).toEqual([
      ["G1", "600000.00"],
      ["Today", "350000.00"],
    ]);
    expect(value.current?.ebitdaBase).toBe("350000.00");
    expect(value.decisions).toEqual([expect.objectContaining({ gate: "G1", decision: "GO" })]);
    expect(value.realised).toBeNull();
  });

  it("records realised value only in production, once per month, never in the future or before the use case", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const poc = await makeUseCase(db, { ownerId: owner.id });
    expect((await failure(createActual(owner, formatKey(poc.number), { period: month(0), ebitda: "1000" }))).code).toBe(
      "CONFLICT",
    );
    const row = await makeUseCase(db, {
      ownerId: owner.id,
      stage: "PRODUCTION",
      ebitda: { low: "600000", base: "1200000", high: "1800000" },
      createdAt: new Date(Date.now() - 400 * 86_400_000),
      stageEnteredAt: new Date(`${month(-2)}-01T00:00:00Z`),
    });
    const key = formatKey(row.number);
    await createActual(owner, key, { period: month(-2), ebitda: "80000", note: "ramp-up" });
    await createActual(owner, key, { period: month(-1), ebitda: "120000" });
    const duplicate = await failure(createActual(owner, key, { period: month(-1), ebitda: "1" }));
    expect(duplicate.code).toBe("CONFLICT");
    expect((await failure(createActual(owner, key, { period: month(1), ebitda: "1" }))).details.errors?.[0]?.path).toBe(
      "period",
    );
    expect((await failure(createActual(owner, key, { period: "2001-01", ebitda: "1" }))).code).toBe("VALIDATION");
    expect((await failure(createActual(owner, key, { period: "2026-13", ebitda: "1" }))).code).toBe("VALIDATION");
    const business = await makeUser(db, { role: "BUSINESS" });
    expect((await failure(createActual(business, key, { period: month(0), ebitda: "1" }))).code).toBe("FORBIDDEN");
    expect((await listActuals(owner, key)).map((a) => a.period)).toEqual([month(-2), month(-1)]);
    const value = await getValueCase(owner, key);
    // 2 months at 1,200,000 / 12 = 200,000 estimated against 200,000 realised.
    expect(value.realised).toMatchObject({
      cumulativeActual: "200000.00",
      cumulativeEstimate: "200000.00",
      variancePercent: "0.00",
    });
  });
});
