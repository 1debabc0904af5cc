import { describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { createUseCase } from "./create-use-case";
import { getUseCase } from "./get-use-case";
import { listUseCases } from "./list-use-cases";
import { updateUseCase } from "./update-use-case";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const range = { low: "800000", base: "1200000.5", high: "1900000", currency: "EUR" };

describe("use cases against PostgreSQL", () => {
  it("creates a use case with a UC key, Decimal money as strings, and an audit event", async () => {
    const scientist = await makeUser(db, { role: "DATA_SCIENTIST" });
    const created = await createUseCase(scientist, {
      title: "Churn early warning",
      ebitda: range,
      benefitArea: "REVENUE_GROWTH",
    });
    expect(created.key).toMatch(/^UC-\d+$/);
    expect(created.ebitda).toEqual({ low: "800000.00", base: "1200000.50", high: "1900000.00", currency: "EUR" });
    expect(created).toMatchObject({ stage: "POC", status: "ACTIVE", version: 1, ownerId: scientist.id });
    const events = await db.auditEvent.findMany({
      where: { entity: "UseCase", action: "use-case.create", actorId: scientist.id },
    });
    expect(events).toHaveLength(1);
    expect(await getUseCase(scientist, created.key)).toEqual(created);
  });

  it("refuses IT a create, and writes nothing", async () => {
    const it_ = await makeUser(db, { role: "IT" });
    // Counted by this test's own title: other files write use cases into the same database meanwhile.
    const title = `Not allowed ${it_.id}`;
    expect(await codeOf(createUseCase(it_, { title }))).toBe("FORBIDDEN");
    expect(await db.useCase.count({ where: { title } })).toBe(0);
  });

  it("refuses an inverted range with the field named, and writes nothing", async () => {
    const business = await makeUser(db, { role: "BUSINESS" });
    const title = `Inverted ${business.id}`;
    const error = await createUseCase(business, { title, ebitda: { ...range, low: "5000000" } }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("VALIDATION");
    expect(error.details.errors).toContainEqual({
      path: "ebitda.low",
      message: "Low must not be above the base estimate.",
    });
    expect(await db.useCase.count({ where: { title } })).toBe(0);
  });

  it("gives exactly one winner to two edits from the same version; the loser sees a conflict", async () => {
    const scientist = await makeUser(db, { role: "DATA_SCIENTIST" });
    const created = await createUseCase(scientist, { title: "Original" });
    const results = await Promise.allSettled([
      updateUseCase(scientist, created.key, { version: 1, title: "First" }),
      updateUseCase(scientist, created.key, { version: 1, title: "Second" }),
    ]);
    const winners = results.filter((r) => r.status === "fulfilled");
    const losers = results.filter((r) => r.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(((losers[0] as PromiseRejectedResult).reason as DomainError).code).toBe("CONFLICT");
    const stored = await getUseCase(scientist, created.key);
    expect(stored.version).toBe(2);
    expect(stored.title).toBe((winners[0] as PromiseFulfilledResult<{ title: string }>).value.title);

    // A later edit still holding version 1 is refused and the earlier save survives.
    expect(await codeOf(updateUseCase(scientist, created.key, { version: 1, title: "Stale" }))).toBe("CONFLICT");
    expect((await getUseCase(scientist, created.key)).title).toBe(stored.title);
  });

  it("lets a data scientist edit only their own use cases, an admin any", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const other = await makeUser(db, { role: "DATA_SCIENTIST" });
    const admin = await makeUser(db, { role: "ADMIN" });
    const uc = await createUseCase(owner, { title: "Owned" });
    expect(await codeOf(updateUseCase(other, uc.key, { version: 1, title: "Hijack" }))).toBe("FORBIDDEN");
    const edited = await updateUseCase(admin, uc.key, { version: 1, summary: "Reviewed by admin" });
    expect(edited.version).toBe(2);
    const audit = await db.auditEvent.findFirst({ where: { action: "use-case.update", actorId: admin.id } });
    expect(audit?.after).toEqual({ summary: "Reviewed by admin" });
    expect(audit?.before).toEqual({ summary: "" });
  });

  it("never changes the stage through an edit", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const uc = await createUseCase(owner, { title: "Stays in POC" });
    expect(await codeOf(updateUseCase(owner, uc.key, { version: 1, stage: "PRODUCTION" }))).toBe("VALIDATION");
    expect((await getUseCase(owner, uc.key)).stage).toBe("POC");
  });

  it("filters, searches by key, title and owner, and pages", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST", name: "Zygmunt Searchable" });
    const a = await makeUseCase(db, {
      ownerId: owner.id,
      title: "Quokka forecasting",
      stage: "PROTOTYPE",
      benefitArea: "COST_REDUCTION",
    });
    await makeUseCase(db, { ownerId: owner.id, title: "Quokka pricing", stage: "POC", benefitArea: "REVENUE_GROWTH" });
    const byTitle = await listUseCases(owner, { q: "quokka" });
    expect(byTitle.total).toBe(2);
    const filtered = await listUseCases(owner, { q: "quokka", stage: "PROTOTYPE", benefitArea: "COST_REDUCTION" });
    expect(filtered.items.map((i) => i.title)).toEqual(["Quokka forecasting"]);
    expect((await listUseCases(owner, { q: `UC-${a.number}` })).items.map((i) => i.title)).toContain(
      "Quokka forecasting",
    );
    expect((await listUseCases(owner, { q: "zygmunt" })).total).toBe(2);
    const page = await listUseCases(owner, { q: "quokka", sort: "title", limit: 1, offset: 1 });
    expect(page.items.map((i) => i.title)).toEqual(["Quokka pricing"]);
  });

  it("answers NOT_FOUND for an unknown or malformed key", async () => {
    const user = await makeUser(db, { role: "IT" });
    expect(await codeOf(getUseCase(user, "UC-999999"))).toBe("NOT_FOUND");
    expect(await codeOf(getUseCase(user, "DROP TABLE"))).toBe("NOT_FOUND");
  });
});
